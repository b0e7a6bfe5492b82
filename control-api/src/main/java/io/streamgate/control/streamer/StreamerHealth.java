package io.streamgate.control.streamer;

import io.streamgate.plugin.api.driver.RuntimeState;
import io.streamgate.plugin.api.driver.UsageCounters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * What this instance's polls learned of each streamer: when it last answered, what it runs and how loaded it is, and
 * its latest usage counters. A streamer is {@link Liveness#DOWN} once it has not answered for the dead-after period,
 * counted from its last answer or, if it never answered, from when polling it began; until then a streamer that never
 * answered is {@link Liveness#UNKNOWN}, so a freshly started instance does not declare everything dead.
 */
@Component
public class StreamerHealth {

    private static final StreamView NOTHING = new StreamView(false, 0, 0, RuntimeState.InputState.WAITING, null, null);

    private final Clock clock;
    private final Duration deadAfter;
    private final Map<Long, Entry> entries = new ConcurrentHashMap<>();

    StreamerHealth(Clock clock, StreamerSettings settings) {
        this.clock = clock;
        this.deadAfter = settings.deadAfter();
    }

    /** The streamer's health; never-polled streamers are {@link Liveness#UNKNOWN}, not up. */
    public StreamerView of(long streamerId) {
        Entry entry = entries.get(streamerId);
        if (entry == null) {
            return new StreamerView(Liveness.UNKNOWN, null, 0, 0, 0);
        }
        Liveness liveness = liveness(entry);
        if (liveness != Liveness.UP || entry.state == null) {
            return new StreamerView(liveness, entry.lastSeen, 0, 0, 0);
        }
        int alive = (int) entry.state.streams().stream()
                .filter(RuntimeState.StreamState::alive)
                .count();
        return new StreamerView(
                liveness, entry.lastSeen, entry.state.onlineClients(), entry.state.bitrateKbps(), alive);
    }

    public Liveness liveness(long streamerId) {
        Entry entry = entries.get(streamerId);
        return entry == null ? Liveness.UNKNOWN : liveness(entry);
    }

    /**
     * One stream on one streamer: alive only while the streamer is up and its last poll said so. Byte counters are
     * the latest the streamer reported for its current session, {@code null} when it never reported any.
     */
    public StreamView stream(long streamerId, String internalName) {
        Entry entry = entries.get(streamerId);
        if (entry == null) {
            return NOTHING;
        }
        Map<String, Long> counted = entry.counters.getOrDefault(internalName, Map.of());
        Long bytesIn = counted.get("bytes_in");
        Long bytesOut = counted.get("bytes_out");
        RuntimeState.StreamState state = liveness(entry) == Liveness.UP ? entry.byName.get(internalName) : null;
        if (state == null) {
            return new StreamView(false, 0, 0, RuntimeState.InputState.WAITING, bytesIn, bytesOut);
        }
        return new StreamView(
                state.alive(), state.onlineClients(), state.bitrateKbps(), state.input(), bytesIn, bytesOut);
    }

    /** For every streamer that is up, the stream names it ran when it last answered. */
    public Map<Long, Set<String>> running() {
        Map<Long, Set<String>> running = new HashMap<>();
        entries.forEach((id, entry) -> {
            if (entry.state != null && liveness(entry) == Liveness.UP) {
                running.put(id, Set.copyOf(entry.byName.keySet()));
            }
        });
        return running;
    }

    void seen(long streamerId, RuntimeState state) {
        Instant now = clock.instant();
        Map<String, RuntimeState.StreamState> byName = new HashMap<>();
        state.streams().forEach(stream -> byName.put(stream.name(), stream));
        entries.compute(
                streamerId,
                (id, old) -> new Entry(
                        old == null ? now : old.trackedSince,
                        now,
                        state,
                        Map.copyOf(byName),
                        old == null ? Map.of() : old.counters));
    }

    void missed(long streamerId) {
        Instant now = clock.instant();
        entries.computeIfAbsent(streamerId, id -> new Entry(now, null, null, Map.of(), Map.of()));
    }

    void counted(long streamerId, UsageCounters counters) {
        Map<String, Map<String, Long>> byStream = new HashMap<>();
        for (UsageCounters.Counter counter : counters.counters()) {
            byStream.computeIfAbsent(counter.stream(), s -> new HashMap<>()).put(counter.series(), counter.value());
        }
        Map<String, Map<String, Long>> copy = new HashMap<>();
        byStream.forEach((stream, series) -> copy.put(stream, Map.copyOf(series)));
        Instant now = clock.instant();
        entries.compute(
                streamerId,
                (id, old) -> old == null
                        ? new Entry(now, null, null, Map.of(), Map.copyOf(copy))
                        : new Entry(old.trackedSince, old.lastSeen, old.state, old.byName, Map.copyOf(copy)));
    }

    /** Drops streamers that are no longer registered. */
    void retain(Set<Long> streamerIds) {
        entries.keySet().retainAll(streamerIds);
    }

    void forget(long streamerId) {
        entries.remove(streamerId);
    }

    private Liveness liveness(Entry entry) {
        Instant now = clock.instant();
        if (entry.lastSeen != null && !entry.lastSeen.plus(deadAfter).isBefore(now)) {
            return Liveness.UP;
        }
        Instant since = entry.lastSeen != null ? entry.lastSeen : entry.trackedSince;
        return since.plus(deadAfter).isBefore(now) ? Liveness.DOWN : Liveness.UNKNOWN;
    }

    private record Entry(
            Instant trackedSince,
            Instant lastSeen,
            RuntimeState state,
            Map<String, RuntimeState.StreamState> byName,
            Map<String, Map<String, Long>> counters) {}

    /**
     * A streamer's health for the admin API and for placement.
     *
     * @param lastSeen when it last answered a poll, {@code null} if never
     * @param onlineClients viewers over all its streams at the last poll (0 unless up)
     * @param bitrateKbps what it sent to viewers at the last poll, in kbit/s (0 unless up)
     * @param streamsAlive how many of its streams were alive at the last poll (0 unless up)
     */
    public record StreamerView(
            Liveness liveness, Instant lastSeen, long onlineClients, long bitrateKbps, int streamsAlive) {

        public boolean up() {
            return liveness == Liveness.UP;
        }
    }

    /** One stream on one streamer, as the operator view shows it. */
    public record StreamView(
            boolean alive,
            long onlineClients,
            long bitrateKbps,
            RuntimeState.InputState input,
            Long bytesIn,
            Long bytesOut) {}
}
