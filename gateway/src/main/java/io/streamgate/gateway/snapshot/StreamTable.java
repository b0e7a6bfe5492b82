package io.streamgate.gateway.snapshot;

import io.streamgate.domain.snapshot.ConfigSnapshot.StreamEntry;
import java.util.List;

/**
 * A snapshot's streams by project id and name, in one open-addressed array of the entries themselves. A hash map of
 * {@code "{project_id}_{name}"} keys held a key string and a node per stream besides the entry: about 90 bytes a
 * stream, 90 MB at a million, all of it young objects the collector copied while a new snapshot was built under load.
 * The array is one allocation, large enough to go straight to the old generation, and its lookups read the entry's own
 * id and name.
 */
final class StreamTable {

    private final StreamEntry[] slots;
    private final int mask;
    private final int size;

    /** Later entries of the same project and name replace earlier ones, as puts into a map would. */
    StreamTable(List<StreamEntry> streams) {
        // A power of two at least twice the streams: probe sequences stay short and the modulo is a mask.
        int capacity = Integer.highestOneBit(Math.max(1, streams.size()) * 2 - 1) << 1;
        StreamEntry[] table = new StreamEntry[capacity];
        int mask = capacity - 1;
        int size = 0;
        for (StreamEntry stream : streams) {
            int slot = hash(stream.projectId(), stream.name()) & mask;
            while (table[slot] != null && !sameKey(table[slot], stream.projectId(), stream.name())) {
                slot = (slot + 1) & mask;
            }
            if (table[slot] == null) {
                size++;
            }
            table[slot] = stream;
        }
        this.slots = table;
        this.mask = mask;
        this.size = size;
    }

    /** The stream {@code name} of project {@code projectId}, or {@code null}. */
    StreamEntry get(long projectId, String name) {
        int slot = hash(projectId, name) & mask;
        StreamEntry entry;
        while ((entry = slots[slot]) != null) {
            if (sameKey(entry, projectId, name)) {
                return entry;
            }
            slot = (slot + 1) & mask;
        }
        return null;
    }

    int size() {
        return size;
    }

    private static boolean sameKey(StreamEntry entry, long projectId, String name) {
        return entry.projectId() == projectId && entry.name().equals(name);
    }

    private static int hash(long projectId, String name) {
        // The name's hash is cached in the string; the multiply spreads ids of neighbouring projects apart.
        int h = (name.hashCode() + Long.hashCode(projectId) * 31) * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
