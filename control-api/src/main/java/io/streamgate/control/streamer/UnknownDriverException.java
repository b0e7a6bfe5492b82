package io.streamgate.control.streamer;

import java.util.SortedSet;

/** A streamer names a driver type that no loaded plugin provides. */
final class UnknownDriverException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UnknownDriverException(String type, SortedSet<String> known) {
        super("driver: '" + type + "' (expected one of: " + known + ")", null, false, false);
    }
}
