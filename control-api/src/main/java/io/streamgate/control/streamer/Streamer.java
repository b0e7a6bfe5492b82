package io.streamgate.control.streamer;

import io.streamgate.domain.snapshot.ConfigSnapshot;
import io.streamgate.domain.snapshot.ConfigSnapshot.StreamerState;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A registered streamer as stored: where it is, how much it may carry ({@code null} capacities mean no limit), what
 * the admin allows it to do, and the driver plugin (with its settings) that talks to it.
 *
 * @param baseUrl without a trailing slash
 * @param region {@code null} when unset
 * @param driverSettings JSON values as the admin wrote them
 * @param maxStreams at most this many active placements, or {@code null}
 * @param maxEgressMbps no new placements while it sends this much or more, or {@code null}
 */
public record Streamer(
        long id,
        String name,
        String baseUrl,
        String region,
        StreamerState state,
        String driver,
        Map<String, Object> driverSettings,
        Integer maxStreams,
        Integer maxEgressMbps) {

    public Streamer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseUrl, "baseUrl");
        state = state == null ? StreamerState.ACTIVE : state;
        driver = driver == null ? ConfigSnapshot.DEFAULT_DRIVER : driver;
        // JSON settings may hold nulls, which Map.copyOf refuses.
        driverSettings =
                driverSettings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(driverSettings));
        if (maxStreams != null && maxStreams <= 0) {
            throw new IllegalArgumentException("maxStreams: " + maxStreams + " (expected: > 0 or null)");
        }
        if (maxEgressMbps != null && maxEgressMbps <= 0) {
            throw new IllegalArgumentException("maxEgressMbps: " + maxEgressMbps + " (expected: > 0 or null)");
        }
    }

    /** Whether a stream asking for {@code wanted} ({@code null}: anywhere) may run here. */
    public boolean serves(String wanted) {
        return wanted == null || wanted.equals(region);
    }
}
