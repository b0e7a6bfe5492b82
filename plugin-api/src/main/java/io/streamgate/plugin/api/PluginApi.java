package io.streamgate.plugin.api;

/**
 * The version of this contract. Hosts give it to PF4J as the system version, so a plugin whose {@code Plugin-Requires}
 * asks for a newer one is refused with a message that says so. Minor versions only add; a major version breaks.
 *
 * @since 1.0.0
 */
public final class PluginApi {

    /**
     * The contract version this jar implements.
     *
     * @since 1.0.0
     */
    public static final String VERSION = "1.2.0";

    private PluginApi() {}
}
