package io.streamgate.control.plugin;

import io.streamgate.plugin.host.auth.AuthGuard;
import io.streamgate.plugin.host.auth.AuthGuardSettings;
import io.streamgate.plugin.host.loading.PluginHost;
import io.streamgate.plugin.host.loading.PluginHostSettings;
import io.streamgate.plugin.host.loading.PluginStatus;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The plugin host, loaded while the application starts (off any event loop), and the guard that validates backends. */
@Configuration(proxyBeanMethods = false)
class PluginConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PluginConfiguration.class);

    @Bean(destroyMethod = "close")
    PluginHost pluginHost(PluginSettings settings) {
        PluginHost host = new PluginHost(new PluginHostSettings(settings.folder(), settings.allowPrivateTargets()));
        host.start();
        log(host);
        return host;
    }

    @Bean
    AuthGuard authGuard(PluginHost host, Clock clock) {
        return new AuthGuard(host, host.http(), clock, AuthGuardSettings.defaults());
    }

    /** One summary line; the host itself logs each jar it started or refused, with the reason. */
    static void log(PluginHost host) {
        long started = host.plugins().stream()
                .filter(plugin -> plugin.state() == PluginStatus.State.STARTED)
                .count();
        long refused = host.plugins().size() - started;
        if (refused > 0) {
            log.warn(
                    "Plugins in {}: {} started, {} refused or failed (see GET /admin/v1/plugins); auth types {}",
                    host.settings().pluginsFolder().toAbsolutePath(),
                    started,
                    refused,
                    host.authBackendTypes());
        } else {
            log.info(
                    "Plugins in {}: {} started; auth types {}, protocol types {}",
                    host.settings().pluginsFolder().toAbsolutePath(),
                    started,
                    host.authBackendTypes(),
                    host.protocolTypes());
        }
    }
}
