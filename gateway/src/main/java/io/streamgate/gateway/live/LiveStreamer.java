package io.streamgate.gateway.live;

import io.streamgate.domain.snapshot.ConfigSnapshot.StreamerEntry;
import io.streamgate.domain.snapshot.ConfigSnapshot.StreamerState;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One streamer as its last successful poll saw it, shared by every stream it has live. A new poll makes a new one, so
 * {@link #assigned()} counts the sessions sent to it since that poll: together with the polled clients that is its
 * load, and a burst of new viewers within one poll interval spreads over the streamers instead of herding onto the
 * one that looked emptiest.
 */
public final class LiveStreamer {

    private final long streamerId;
    private final String baseUrl;
    private final String region;
    private final StreamerState state;
    private final long polledClients;
    private final StreamerHealth.Tracker health;
    private final AtomicLong assigned = new AtomicLong();

    /**
     * @param streamerId the streamer's id in the snapshot
     * @param baseUrl its playback base URL, without a trailing slash
     * @param region its region, or {@code null} when unset
     * @param state its admin state when it was polled
     * @param polledClients its viewers over all streams at the poll
     * @param health its ejection state
     */
    public LiveStreamer(
            long streamerId,
            String baseUrl,
            String region,
            StreamerState state,
            long polledClients,
            StreamerHealth.Tracker health) {
        if (baseUrl == null || baseUrl.endsWith("/")) {
            throw new IllegalArgumentException("baseUrl: " + baseUrl + " (expected: a URL without a trailing slash)");
        }
        if (state == null || health == null) {
            throw new IllegalArgumentException("state and health are required");
        }
        this.streamerId = streamerId;
        this.baseUrl = baseUrl;
        this.region = region;
        this.state = state;
        this.polledClients = Math.max(0, polledClients);
        this.health = health;
    }

    /** A streamer of the snapshot as a candidate, its base URL without a trailing slash. */
    public static LiveStreamer of(StreamerEntry entry, long polledClients, StreamerHealth.Tracker health) {
        String baseUrl = entry.baseUrl().endsWith("/")
                ? entry.baseUrl().substring(0, entry.baseUrl().length() - 1)
                : entry.baseUrl();
        return new LiveStreamer(entry.id(), baseUrl, entry.region(), entry.state(), polledClients, health);
    }

    public long streamerId() {
        return streamerId;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The region, or {@code null} when unset. */
    public String region() {
        return region;
    }

    public StreamerState state() {
        return state;
    }

    /** Whether passive health checks keep viewers away from it at {@code nowMillis}. */
    public boolean ejected(long nowMillis) {
        return health.ejected(nowMillis);
    }

    public StreamerHealth.Tracker health() {
        return health;
    }

    /** Viewers at the last poll plus the sessions this gateway sent here since. */
    public long load() {
        return polledClients + assigned.get();
    }

    /** Counts one new session sent here. */
    public void assign() {
        assigned.incrementAndGet();
    }

    /** Sessions this gateway sent here since the poll. */
    public long assigned() {
        return assigned.get();
    }

    public long polledClients() {
        return polledClients;
    }

    @Override
    public String toString() {
        return "LiveStreamer[" + streamerId + " " + baseUrl + " " + state + " region=" + region + " load=" + load()
                + "]";
    }
}
