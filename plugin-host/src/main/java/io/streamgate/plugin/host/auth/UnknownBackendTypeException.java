package io.streamgate.plugin.host.auth;

import java.util.Set;

/** A definition names a type no loaded plugin provides. */
public final class UnknownBackendTypeException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String type;

    UnknownBackendTypeException(String type, Set<String> known) {
        super("type: '" + type + "' (expected one of: " + known + ")");
        this.type = type;
    }

    /** The unknown type. */
    public String type() {
        return type;
    }
}
