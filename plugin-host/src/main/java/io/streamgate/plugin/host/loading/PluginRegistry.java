package io.streamgate.plugin.host.loading;

import io.streamgate.plugin.api.auth.AuthBackendFactory;
import io.streamgate.plugin.api.billing.BillingRuleFactory;
import io.streamgate.plugin.api.driver.StreamerDriverFactory;
import io.streamgate.plugin.api.protocol.PlaybackProtocolFactory;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.pf4j.PluginManager;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One load of the plugins folder: the statuses and the factories by type, never changed after it is built, so
 * readers need no locks; {@link PluginHost} swaps whole registries on reload.
 */
final class PluginRegistry {

    private static final Logger log = LoggerFactory.getLogger(PluginRegistry.class);

    static final PluginRegistry EMPTY = new PluginRegistry(null, List.of(), Map.of(), Map.of(), Map.of(), Map.of());

    private final PluginManager manager;
    private final List<PluginStatus> statuses;
    private final SortedMap<String, AuthBackendFactory> auth;
    private final SortedMap<String, PlaybackProtocolFactory> protocols;
    private final SortedMap<String, StreamerDriverFactory> drivers;
    private final SortedMap<String, BillingRuleFactory> billingRules;

    PluginRegistry(
            PluginManager manager,
            List<PluginStatus> statuses,
            Map<String, AuthBackendFactory> auth,
            Map<String, PlaybackProtocolFactory> protocols,
            Map<String, StreamerDriverFactory> drivers,
            Map<String, BillingRuleFactory> billingRules) {
        this.manager = manager;
        this.statuses = List.copyOf(statuses);
        this.auth = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(auth));
        this.protocols = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(protocols));
        this.drivers = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(drivers));
        this.billingRules = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(billingRules));
    }

    List<PluginStatus> statuses() {
        return statuses;
    }

    SortedMap<String, AuthBackendFactory> auth() {
        return auth;
    }

    SortedMap<String, PlaybackProtocolFactory> protocols() {
        return protocols;
    }

    SortedMap<String, StreamerDriverFactory> drivers() {
        return drivers;
    }

    SortedMap<String, BillingRuleFactory> billingRules() {
        return billingRules;
    }

    /** Stops the plugins and closes their class loaders; runtime objects made from them must not be used after. */
    void close() {
        if (manager == null) {
            return;
        }
        // One by one: PF4J 3.15's stopPlugins() throws ConcurrentModificationException; unloadPlugin stops first.
        for (PluginWrapper plugin : List.copyOf(manager.getPlugins())) {
            try {
                manager.unloadPlugin(plugin.getPluginId());
            } catch (RuntimeException e) {
                log.warn("Unloading plugin {} failed; its class loader may stay open", plugin.getPluginId(), e);
            }
        }
    }
}
