package io.streamgate.loadtests;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a simulation's knobs: a system property ({@code -Dplayer.count=300}) wins over the environment variable of the
 * same name in upper case with dots and dashes as underscores ({@code PLAYER_COUNT=300}), which wins over the default.
 * A value that does not parse fails the run before any request is sent, naming the property and what was expected.
 */
final class SimulationProperties {

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)?");

    private SimulationProperties() {}

    static String string(String name, String defaultValue) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(environmentName(name));
        }
        return value == null || value.isBlank() ? defaultValue : value.trim();
    }

    static int integer(String name, int defaultValue, int min) {
        String value = string(name, null);
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below with the rule the value broke
        }
        throw new IllegalArgumentException(name + ": '" + value + "' (expected: an integer >= " + min + ")");
    }

    /** A number above zero, such as a rate per second ({@code 0.5}). */
    static double positive(String name, double defaultValue) {
        String value = string(name, null);
        if (value == null) {
            return defaultValue;
        }
        try {
            double parsed = Double.parseDouble(value);
            if (parsed > 0 && !Double.isInfinite(parsed)) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below with the rule the value broke
        }
        throw new IllegalArgumentException(name + ": '" + value + "' (expected: a number > 0)");
    }

    static boolean bool(String name, boolean defaultValue) {
        String value = string(name, null);
        if (value == null) {
            return defaultValue;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new IllegalArgumentException(name + ": '" + value + "' (expected: true or false)");
    }

    /** A duration such as {@code 500ms}, {@code 90s}, {@code 5m} or {@code 1h}; a bare number is seconds. */
    static Duration duration(String name, Duration defaultValue) {
        String value = string(name, null);
        if (value == null) {
            return defaultValue;
        }
        Matcher matcher = DURATION.matcher(value.toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    name + ": '" + value + "' (expected: a duration like 500ms, 90s, 5m or 1h)");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        switch (unit) {
            case "ms":
                return Duration.ofMillis(amount);
            case "m":
                return Duration.ofMinutes(amount);
            case "h":
                return Duration.ofHours(amount);
            default:
                return Duration.ofSeconds(amount);
        }
    }

    static String environmentName(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
