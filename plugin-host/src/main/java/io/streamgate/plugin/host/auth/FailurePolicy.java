package io.streamgate.plugin.host.auth;

/** What a backend's check answers when the backend cannot: it failed, hung, was empty, or its circuit is open. */
public enum FailurePolicy {
    /** Allow the viewer, without caching, so a blinking auth service does not cut viewers off. */
    OPEN,
    /** Deny the viewer with reason {@code backend unavailable}. */
    CLOSED
}
