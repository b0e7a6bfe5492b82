package io.streamgate.plugin.host.loading;

import io.streamgate.plugin.api.auth.AuthBackendFactory;
import io.streamgate.plugin.api.billing.BillingRuleFactory;
import io.streamgate.plugin.api.driver.StreamerDriverFactory;
import io.streamgate.plugin.api.protocol.PlaybackProtocolFactory;
import io.streamgate.plugin.host.auth.AuthBackendCatalog;
import io.streamgate.plugin.host.http.GuardedHttpCaller;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugins of one service: every jar in the plugins folder loaded through PF4J with {@code PluginApi.VERSION} as
 * the system version, and the factories they provide, by type. Broken, incompatible and duplicate jars are refused
 * with a log line and a {@link PluginStatus}; the host keeps running without them.
 *
 * <p>Readers ({@link #plugins}, the factory look-ups) are thread-safe and lock-free: they see one immutable registry,
 * which {@link #start} and {@link #reload} replace atomically. Those two read jars and start plugins, which blocks:
 * run them off event loops (e.g. on {@code Schedulers.boundedElastic()}). After a reload the previous plugins'
 * class loaders are closed, so rebuild every runtime object made from their factories (the gateway rebuilds its
 * auth chains from the snapshot).
 */
public final class PluginHost implements AuthBackendCatalog, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PluginHost.class);

    /** A streamer's stream list or counters: about 200 bytes a stream, so room for tens of thousands. */
    static final int DRIVER_MAX_BODY_BYTES = 32 * 1024 * 1024;

    private final PluginHostSettings settings;
    private final GuardedHttpCaller http;
    private final GuardedHttpCaller driverHttp;
    private final AtomicReference<PluginRegistry> registry = new AtomicReference<>(PluginRegistry.EMPTY);
    private final Object loading = new Object();

    public PluginHost(PluginHostSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = new GuardedHttpCaller(settings.allowPrivateTargets());
        // Streamers are registered by the cloud's admins and live on private networks; their lists can be large.
        this.driverHttp = new GuardedHttpCaller(true, DRIVER_MAX_BODY_BYTES, "streamgate-driver-http");
    }

    public PluginHostSettings settings() {
        return settings;
    }

    /** The SSRF-guarded caller lent to plugins. */
    public GuardedHttpCaller http() {
        return http;
    }

    /** The caller lent to streamer drivers: private targets allowed, large answers read whole. */
    public GuardedHttpCaller driverHttp() {
        return driverHttp;
    }

    /** Loads every plugin jar in the folder. Blocking. */
    public void start() {
        reload();
    }

    /**
     * Loads the folder again, so a jar copied in (or removed) takes effect: the new plugins are loaded and started,
     * swapped in, and then the old ones are stopped and unloaded. Blocking.
     */
    public void reload() {
        synchronized (loading) {
            log.info("Loading plugins from {}", settings.pluginsFolder().toAbsolutePath());
            PluginRegistry next = FolderLoader.load(settings.pluginsFolder());
            PluginRegistry previous = registry.getAndSet(next);
            previous.close();
            log.info(
                    "Plugins loaded: auth types {}, protocol types {}, driver types {}, billing rule types {}",
                    next.auth().keySet(),
                    next.protocols().keySet(),
                    next.drivers().keySet(),
                    next.billingRules().keySet());
        }
    }

    /** Every jar seen in the folder at the last load, by file name, refused ones included. */
    public List<PluginStatus> plugins() {
        return registry.get().statuses();
    }

    @Override
    public Optional<AuthBackendFactory> authBackendFactory(String type) {
        return Optional.ofNullable(registry.get().auth().get(type));
    }

    @Override
    public SortedSet<String> authBackendTypes() {
        return Collections.unmodifiableSortedSet(
                new TreeSet<>(registry.get().auth().keySet()));
    }

    public Optional<PlaybackProtocolFactory> protocolFactory(String type) {
        return Optional.ofNullable(registry.get().protocols().get(type));
    }

    public SortedSet<String> protocolTypes() {
        return Collections.unmodifiableSortedSet(
                new TreeSet<>(registry.get().protocols().keySet()));
    }

    public Optional<StreamerDriverFactory> driverFactory(String type) {
        return Optional.ofNullable(registry.get().drivers().get(type));
    }

    public SortedSet<String> driverTypes() {
        return Collections.unmodifiableSortedSet(
                new TreeSet<>(registry.get().drivers().keySet()));
    }

    public Optional<BillingRuleFactory> billingRuleFactory(String type) {
        return Optional.ofNullable(registry.get().billingRules().get(type));
    }

    public SortedSet<String> billingRuleTypes() {
        return Collections.unmodifiableSortedSet(
                new TreeSet<>(registry.get().billingRules().keySet()));
    }

    /** Unloads every plugin and closes the HTTP connections. Blocking. */
    @Override
    public void close() {
        synchronized (loading) {
            registry.getAndSet(PluginRegistry.EMPTY).close();
            http.close();
            driverHttp.close();
        }
    }
}
