package io.streamgate.control.streamer;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.streamgate.plugin.api.InvalidSettingsException;
import io.streamgate.plugin.api.Settings;
import io.streamgate.plugin.api.driver.RuntimeState;
import io.streamgate.plugin.api.driver.StreamConfig;
import io.streamgate.plugin.api.driver.StreamerDriver;
import io.streamgate.plugin.api.driver.StreamerDriverFactory;
import io.streamgate.plugin.api.driver.UnsupportedStreamException;
import io.streamgate.plugin.api.driver.UsageCounters;
import io.streamgate.plugin.host.loading.PluginHost;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * One driver per streamer, made by the driver plugin the streamer names and kept until the streamer's row changes or
 * the plugins are reloaded (a reload hands out new factories, so a cached driver of an old factory is rebuilt). Every
 * call has a timeout and goes through that streamer's own circuit breaker, so one dead streamer costs a fast failure
 * instead of a timeout per request.
 */
@Component
public class StreamerDrivers {

    private final PluginHost plugins;
    private final CircuitBreakerRegistry breakers;
    private final CircuitBreakerConfig breakerConfig;
    private final StreamerSettings settings;
    private final Clock clock;
    private final Map<Long, Made> drivers = new ConcurrentHashMap<>();

    StreamerDrivers(
            PluginHost plugins,
            ObjectProvider<CircuitBreakerRegistry> breakers,
            StreamerSettings settings,
            Clock clock) {
        this.plugins = plugins;
        this.breakers = breakers.getIfAvailable(CircuitBreakerRegistry::ofDefaults);
        // A stream the streamer kind cannot run, or a driver that is not loaded, says nothing about the streamer's
        // health: such failures must not open its breaker and cut off its other streams.
        this.breakerConfig = CircuitBreakerConfig.from(this.breakers.getDefaultConfig())
                .ignoreExceptions(
                        UnsupportedStreamException.class, UnknownDriverException.class, InvalidSettingsException.class)
                .build();
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The streamer's driver, made on first use; empty when no loaded plugin provides its driver type.
     *
     * @throws io.streamgate.plugin.api.InvalidSettingsException when the plugin refuses the stored settings (a plugin
     *     upgrade that became stricter)
     */
    public Optional<StreamerDriver> driverOf(Streamer streamer) {
        Optional<StreamerDriverFactory> factory = plugins.driverFactory(streamer.driver());
        if (factory.isEmpty()) {
            drivers.remove(streamer.id());
            return Optional.empty();
        }
        Made made = drivers.get(streamer.id());
        if (made != null && made.factory() == factory.get() && made.streamer().equals(streamer)) {
            return Optional.of(made.driver());
        }
        StreamerDriver driver = make(factory.get(), streamer);
        drivers.put(streamer.id(), new Made(streamer, factory.get(), driver));
        return Optional.of(driver);
    }

    /**
     * Makes a driver without keeping it, to validate a streamer before it is saved: the plugin checks the settings.
     *
     * @throws UnknownDriverException when no loaded plugin provides the type
     * @throws io.streamgate.plugin.api.InvalidSettingsException naming the bad setting
     */
    void validate(Streamer streamer) {
        StreamerDriverFactory factory = plugins.driverFactory(streamer.driver())
                .orElseThrow(() -> new UnknownDriverException(streamer.driver(), plugins.driverTypes()));
        make(factory, streamer);
    }

    /** Creates or replaces a stream's config on the streamer. */
    public Mono<Void> push(Streamer streamer, StreamConfig stream) {
        return call(streamer, driver -> driver.push(stream));
    }

    /** Removes a stream from the streamer; one it does not have counts as removed. */
    public Mono<Void> remove(Streamer streamer, String internalName) {
        return call(streamer, driver -> driver.remove(internalName));
    }

    Mono<RuntimeState> state(Streamer streamer) {
        return call(streamer, StreamerDriver::state);
    }

    Mono<UsageCounters> counters(Streamer streamer) {
        return call(streamer, StreamerDriver::counters);
    }

    /** Drops the drivers of streamers that are no longer registered. */
    void retain(Set<Long> streamerIds) {
        drivers.keySet().retainAll(streamerIds);
    }

    void forget(long streamerId) {
        drivers.remove(streamerId);
    }

    private <T> Mono<T> call(Streamer streamer, Function<StreamerDriver, Mono<T>> call) {
        return Mono.defer(() -> driverOf(streamer)
                        .map(call)
                        .orElseGet(
                                () -> Mono.error(new UnknownDriverException(streamer.driver(), plugins.driverTypes()))))
                .timeout(settings.requestTimeout())
                .transformDeferred(CircuitBreakerOperator.of(breaker(streamer)));
    }

    private StreamerDriver make(StreamerDriverFactory factory, Streamer streamer) {
        return factory.create(
                Settings.of(streamer.driverSettings()),
                new DriverContext(
                        streamer.name(),
                        URI.create(streamer.baseUrl()),
                        clock,
                        plugins.driverHttp(),
                        settings.requestTimeout()));
    }

    private CircuitBreaker breaker(Streamer streamer) {
        return breakers.circuitBreaker("streamer-" + streamer.name(), breakerConfig);
    }

    private record Made(Streamer streamer, StreamerDriverFactory factory, StreamerDriver driver) {}
}
