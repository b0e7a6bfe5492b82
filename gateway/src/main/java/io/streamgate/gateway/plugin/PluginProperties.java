package io.streamgate.gateway.plugin;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where plugins come from and what they may call.
 *
 * @param folder the folder whose {@code *.jar} files are loaded ({@code STREAMGATE_PLUGINS_DIR}, default
 *     {@code plugins} in the working directory)
 * @param allowPrivateTargets whether plugins may call loopback, private and link-local addresses
 *     ({@code STREAMGATE_ALLOW_PRIVATE_TARGETS}, default false: an operator's auth URL cannot reach our network)
 */
@ConfigurationProperties("streamgate.gateway.plugins")
record PluginProperties(@DefaultValue("plugins") Path folder, @DefaultValue("false") boolean allowPrivateTargets) {}
