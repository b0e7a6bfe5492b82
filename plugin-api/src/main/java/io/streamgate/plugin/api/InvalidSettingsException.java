package io.streamgate.plugin.api;

/**
 * Settings a factory cannot accept. The key names the offending setting (dotted for nested ones, e.g.
 * {@code keys.k1}), so the operator API can answer a 400 problem that points at it.
 *
 * @since 1.0.0
 */
public final class InvalidSettingsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String key;

    /**
     * @param key the setting that is wrong
     * @param message what is wrong and what was expected, e.g. {@code "timeout: '5 min' (expected: a duration like 2s)"}
     * @since 1.0.0
     */
    public InvalidSettingsException(String key, String message) {
        super(message);
        this.key = key;
    }

    /**
     * The offending setting's key.
     *
     * @return the key, dotted for nested settings
     * @since 1.0.0
     */
    public String key() {
        return key;
    }
}
