package io.streamgate.gateway.live;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.domain.snapshot.ConfigSnapshot.StreamerEntry;
import io.streamgate.plugin.api.Settings;
import io.streamgate.plugin.api.driver.StreamerDriver;
import io.streamgate.plugin.api.driver.StreamerDriverContext;
import io.streamgate.plugin.api.driver.StreamerDriverFactory;
import io.streamgate.plugin.api.http.HttpAnswer;
import io.streamgate.plugin.api.http.HttpCall;
import io.streamgate.plugin.api.http.HttpCaller;
import io.streamgate.plugin.host.loading.PluginHost;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The driver of every streamer in the snapshot, made by the plugin of the streamer's driver type. A streamer's driver
 * is made again only when what it was made from changes (name, base URL, driver type, driver settings) or after a
 * plugin reload, which closes the class loaders the old drivers came from; a change of region or admin state keeps
 * it. A streamer whose driver cannot be made (unknown type, invalid settings) has none and counts as not live, with
 * one WARN per change and the {@code streamgate.gateway.live.drivers.unusable} gauge.
 */
public final class StreamerDrivers {

    private static final Logger log = LoggerFactory.getLogger(StreamerDrivers.class);

    private final PluginHost host;
    private final HttpCaller http;
    private final Clock clock;
    private final Duration timeout;
    private final AtomicLong generation = new AtomicLong();
    private final Object building = new Object();
    private volatile Built built = new Built(List.of(), -1, Map.of());

    StreamerDrivers(PluginHost host, Clock clock, Duration timeout, MeterRegistry meters) {
        this.host = host;
        this.http = new OffLoopCaller(host.driverHttp());
        this.clock = clock;
        this.timeout = timeout;
        Gauge.builder("streamgate.gateway.live.drivers.unusable", this, StreamerDrivers::unusable)
                .description("streamers whose driver could not be made (unknown type or invalid settings)")
                .register(meters);
    }

    /**
     * Runs a plugin reload; every driver is made anew from the new plugins before the next poll. The generation moves
     * before (polls under way may fail once the old classes are gone, which is not their streamers' fault) and after
     * (drivers made in between came from the old plugins).
     */
    public void reloading(Runnable reload) {
        generation.incrementAndGet();
        try {
            reload.run();
        } finally {
            generation.incrementAndGet();
        }
    }

    /** Bumped by every plugin reload; a poll that saw another value may have used a driver whose classes are gone. */
    long generation() {
        return generation.get();
    }

    /**
     * The drivers of {@code streamers}, by streamer id; unchanged ones are kept. Runs plugin code, which may load
     * classes from its jar: call it off event loops.
     */
    Map<Long, Driven> sync(List<StreamerEntry> streamers) {
        Built held = built;
        long current = generation.get();
        if (held.source == streamers && held.generation == current) {
            return held.drivers;
        }
        synchronized (building) {
            held = built;
            current = generation.get();
            Map<Long, Driven> next = new HashMap<>();
            for (StreamerEntry entry : streamers) {
                DriverKey key = DriverKey.of(entry);
                Driven previous = held.drivers.get(entry.id());
                next.put(
                        entry.id(),
                        previous != null && previous.generation == current && previous.key.equals(key)
                                ? previous
                                : make(entry, key, current));
            }
            Map<Long, Driven> drivers = Map.copyOf(next);
            built = new Built(streamers, current, drivers);
            return drivers;
        }
    }

    private Driven make(StreamerEntry entry, DriverKey key, long generation) {
        Optional<StreamerDriverFactory> factory = host.driverFactory(entry.driver());
        if (factory.isEmpty()) {
            return unusable(
                    entry,
                    key,
                    generation,
                    "unknown driver type '" + entry.driver() + "' (expected one of " + host.driverTypes() + ")");
        }
        try {
            Context context = new Context(entry.name(), baseUrl(entry.baseUrl()), clock, http, timeout);
            StreamerDriver driver = factory.get().create(Settings.of(entry.driverSettings()), context);
            if (driver == null) {
                return unusable(entry, key, generation, "driver '" + entry.driver() + "' made no driver");
            }
            log.info("Streamer {} ({}) is polled through driver '{}'", entry.id(), entry.name(), entry.driver());
            return new Driven(key, generation, driver, null);
        } catch (RuntimeException | LinkageError e) {
            // Invalid settings or a broken plugin: this streamer is unusable, the others are not.
            return unusable(entry, key, generation, "driver '" + entry.driver() + "' refused it: " + e.getMessage());
        }
    }

    private static Driven unusable(StreamerEntry entry, DriverKey key, long generation, String problem) {
        log.warn("Streamer {} ({}) has no usable driver and gets no viewers: {}", entry.id(), entry.name(), problem);
        return new Driven(key, generation, null, problem);
    }

    private static URI baseUrl(String baseUrl) {
        String trimmed = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        URI uri = URI.create(trimmed);
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("base URL '" + baseUrl + "' (expected: http(s)://host[:port][/path])");
        }
        return uri;
    }

    private long unusable() {
        return built.drivers.values().stream().filter(d -> d.driver == null).count();
    }

    /** What a streamer's driver is made from: anything else in its entry may change without a new driver. */
    record DriverKey(String name, String baseUrl, String driver, Map<String, Object> settings) {
        static DriverKey of(StreamerEntry entry) {
            return new DriverKey(entry.name(), entry.baseUrl(), entry.driver(), entry.driverSettings());
        }
    }

    /**
     * A streamer's driver as made.
     *
     * @param driver the driver, or {@code null} when it could not be made
     * @param problem why it could not be made, or {@code null}
     */
    record Driven(DriverKey key, long generation, StreamerDriver driver, String problem) {}

    private record Built(List<StreamerEntry> source, long generation, Map<Long, Driven> drivers) {}

    /**
     * The host's driver caller, with answers handed to the bounded-elastic scheduler: what a driver does with them
     * (parse a stream list of up to 32 MiB, load its classes from the plugin jar on first use) must not run on the
     * event loops that answer players.
     */
    private record OffLoopCaller(HttpCaller delegate) implements HttpCaller {
        @Override
        public void checkTarget(URI target) {
            delegate.checkTarget(target);
        }

        @Override
        public Mono<HttpAnswer> call(HttpCall call) {
            return delegate.call(call).publishOn(Schedulers.boundedElastic());
        }
    }

    private record Context(String streamerName, URI baseUrl, Clock clock, HttpCaller http, Duration timeout)
            implements StreamerDriverContext {}
}
