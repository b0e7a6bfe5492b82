package io.streamgate.gateway.live;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Internal stream name → the streamers that have it live. A reader does one hash lookup and gets an immutable list
 * whose elements are each streamer's latest poll.
 *
 * <p>Writers (the poller, one report per streamer per interval) pay for what changed, not for the size of the map: a
 * poll that lists the same streams as the one before only swaps the streamer's state in its one slot, which every
 * list of its streams reads through; a changed list adds and removes the difference. With 100,000 streams on a
 * handful of streamers, rebuilding the whole map on every poll cost more CPU than the players did.
 */
public final class LiveMap {

    // Written under this; concurrent only so that readers may ask which streamers it holds.
    private final Map<Long, Polled> byStreamer = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Streamers> byStream = new ConcurrentHashMap<>();

    /** The streamers that have {@code internalName} live, ordered by streamer id; empty when none. */
    public List<LiveStreamer> streamersOf(String internalName) {
        Streamers streamers = byStream.get(internalName);
        return streamers == null ? List.of() : streamers;
    }

    /**
     * Whether the latest poll of {@code streamerId} answered, so that what it does not list is known not to be live
     * there; a streamer dropped after failed polls, or not polled yet, is unknown.
     */
    public boolean knows(long streamerId) {
        return byStreamer.containsKey(streamerId);
    }

    /** Replaces everything known about one streamer with its latest poll: its state and the streams it has live. */
    public synchronized void report(LiveStreamer streamer, Collection<String> liveStreams) {
        Polled polled = byStreamer.get(streamer.streamerId());
        if (polled == null) {
            polled = new Polled(new Slot(streamer));
            byStreamer.put(streamer.streamerId(), polled);
        } else {
            polled.slot.current = streamer;
        }
        if (polled.lastReport == liveStreams || (polled.lastReport != null && polled.lastReport.equals(liveStreams))) {
            return;
        }
        Set<String> next = new HashSet<>(liveStreams);
        for (String name : polled.streams) {
            if (!next.contains(name)) {
                remove(name, polled.slot);
            }
        }
        for (String name : next) {
            if (!polled.streams.contains(name)) {
                add(name, polled.slot);
            }
        }
        polled.streams = next;
        polled.lastReport = List.copyOf(liveStreams);
    }

    /** Forgets a streamer at once (its poll failed, it has no usable driver, it is disabled): no viewer goes there. */
    public synchronized void drop(long streamerId) {
        Polled polled = byStreamer.remove(streamerId);
        if (polled != null) {
            for (String name : polled.streams) {
                remove(name, polled.slot);
            }
        }
    }

    /** Forgets streamers that left the snapshot. */
    public synchronized void retain(Set<Long> streamerIds) {
        for (Long id : List.copyOf(byStreamer.keySet())) {
            if (!streamerIds.contains(id)) {
                drop(id);
            }
        }
    }

    private void add(String name, Slot slot) {
        byStream.compute(name, (key, held) -> held == null ? new Streamers(new Slot[] {slot}) : held.with(slot));
    }

    private void remove(String name, Slot slot) {
        byStream.computeIfPresent(name, (key, held) -> held.without(slot));
    }

    /** One streamer's place in the map; its state is replaced by each poll without touching the lists it is in. */
    private static final class Slot {
        volatile LiveStreamer current;

        Slot(LiveStreamer current) {
            this.current = current;
        }

        long id() {
            return current.streamerId();
        }
    }

    private static final class Polled {
        final Slot slot;
        Set<String> streams = Set.of();
        /** The list the last report carried, to tell an unchanged poll with one comparison. */
        List<String> lastReport;

        Polled(Slot slot) {
            this.slot = slot;
        }
    }

    /** The streamers of one stream: an immutable array of slots, read through to their latest polls. */
    private static final class Streamers extends AbstractList<LiveStreamer> implements RandomAccess {
        private final Slot[] slots;

        Streamers(Slot[] slots) {
            this.slots = slots;
        }

        @Override
        public LiveStreamer get(int index) {
            return slots[index].current;
        }

        @Override
        public int size() {
            return slots.length;
        }

        @Override
        public Iterator<LiveStreamer> iterator() {
            // The default iterator checks for modification through modCount on every step; nothing here changes.
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < slots.length;
                }

                @Override
                public LiveStreamer next() {
                    if (next >= slots.length) {
                        throw new java.util.NoSuchElementException();
                    }
                    return slots[next++].current;
                }
            };
        }

        /** A copy with {@code slot} in streamer-id order, so every list lists its streamers alike. */
        Streamers with(Slot slot) {
            int at = 0;
            while (at < slots.length && slots[at].id() < slot.id()) {
                at++;
            }
            if (at < slots.length && slots[at] == slot) {
                return this;
            }
            Slot[] next = new Slot[slots.length + 1];
            System.arraycopy(slots, 0, next, 0, at);
            next[at] = slot;
            System.arraycopy(slots, at, next, at + 1, slots.length - at);
            return new Streamers(next);
        }

        /** A copy without {@code slot}, or {@code null} when none is left. */
        Streamers without(Slot slot) {
            int at = Arrays.asList(slots).indexOf(slot);
            if (at < 0) {
                return this;
            }
            if (slots.length == 1) {
                return null;
            }
            Slot[] next = new Slot[slots.length - 1];
            System.arraycopy(slots, 0, next, 0, at);
            System.arraycopy(slots, at + 1, next, at, slots.length - at - 1);
            return new Streamers(next);
        }
    }
}
