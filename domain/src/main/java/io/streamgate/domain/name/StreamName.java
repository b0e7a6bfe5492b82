package io.streamgate.domain.name;

import java.util.regex.Pattern;

/**
 * A stream name as the operator sees it: no project prefix, no slashes, so a router always knows how many path
 * segments a name has. Invalid names are rejected, never normalised.
 */
public record StreamName(String value) {

    /** The one rule for every name in the cloud. */
    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    public static final int MAX_LENGTH = 64;

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    public StreamName {
        if (!isValid(value)) {
            throw new InvalidNameException("name", value, PATTERN);
        }
    }

    /** Checks without allocating an exception; safe on the player's hot path. */
    public static boolean isValid(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!alnum && (i == 0 || (c != '.' && c != '_' && c != '-'))) {
                return false;
            }
        }
        return true;
    }

    /** The same rule as a regular expression, for callers that validate with patterns. */
    public static Pattern pattern() {
        return COMPILED;
    }

    @Override
    public String toString() {
        return value;
    }
}
