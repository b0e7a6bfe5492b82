package io.streamgate.domain.snapshot;

/**
 * The Redis pub/sub channel on which the control plane announces config changes. The message is the new config
 * version in decimal; a gateway holding an older version fetches the snapshot.
 */
public final class ConfigChannel {

    public static final String NAME = "streamgate:config:changes";

    private ConfigChannel() {}
}
