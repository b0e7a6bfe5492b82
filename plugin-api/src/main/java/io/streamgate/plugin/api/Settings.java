package io.streamgate.plugin.api;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A plugin's settings as the operator wrote them (JSON values: strings, numbers, booleans, lists, objects), with
 * typed readers that fail with an {@link InvalidSettingsException} naming the key. Immutable.
 *
 * @since 1.0.0
 */
public final class Settings {

    private final Map<String, Object> values;
    private final String prefix;

    private Settings(Map<String, Object> values, String prefix) {
        this.values = values;
        this.prefix = prefix;
    }

    /**
     * Wraps raw settings; {@code null} is the same as none.
     *
     * @param values the settings as parsed from JSON
     * @return immutable settings
     * @since 1.0.0
     */
    public static Settings of(Map<String, ?> values) {
        return new Settings(values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values)), "");
    }

    /**
     * The raw values, for hosts that store or forward them.
     *
     * @return an unmodifiable view
     * @since 1.0.0
     */
    public Map<String, Object> asMap() {
        return values;
    }

    /**
     * Rejects keys a factory does not know, so a typo is an error rather than a silently ignored setting.
     *
     * @param known the keys the factory reads
     * @throws InvalidSettingsException naming the first unknown key
     * @since 1.0.0
     */
    public void allowOnly(Set<String> known) {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            String key = unknown.iterator().next();
            throw new InvalidSettingsException(
                    path(key), path(key) + ": unknown setting (expected one of: " + new TreeSet<>(known) + ")");
        }
    }

    /**
     * Whether the key is present and not null.
     *
     * @param key the setting
     * @return true when set
     * @since 1.0.0
     */
    public boolean has(String key) {
        return values.get(key) != null;
    }

    /**
     * A required, non-blank string.
     *
     * @param key the setting
     * @return its value
     * @since 1.0.0
     */
    public String string(String key) {
        Object value = values.get(key);
        if (value == null) {
            throw missing(key, "a string");
        }
        if (!(value instanceof String text) || text.isBlank()) {
            throw wrong(key, value, "a non-blank string");
        }
        return text;
    }

    /**
     * An optional string.
     *
     * @param key the setting
     * @param fallback the value when absent
     * @return its value or the fallback
     * @since 1.0.0
     */
    public String string(String key, String fallback) {
        return has(key) ? string(key) : fallback;
    }

    /**
     * An optional boolean.
     *
     * @param key the setting
     * @param fallback the value when absent
     * @return its value or the fallback
     * @since 1.0.0
     */
    public boolean bool(String key, boolean fallback) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Boolean flag)) {
            throw wrong(key, value, "true or false");
        }
        return flag;
    }

    /**
     * An optional whole number within bounds.
     *
     * @param key the setting
     * @param fallback the value when absent
     * @param min the smallest accepted value
     * @param max the largest accepted value
     * @return its value or the fallback
     * @since 1.0.0
     */
    public long integer(String key, long fallback, long min, long max) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Number number)
                || number.doubleValue() != Math.rint(number.doubleValue())
                || number.longValue() < min
                || number.longValue() > max) {
            throw wrong(key, value, "a whole number from " + min + " to " + max);
        }
        return number.longValue();
    }

    /**
     * An optional duration written as {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h} or ISO-8601
     * ({@code PT30S}), within bounds.
     *
     * @param key the setting
     * @param fallback the value when absent
     * @param min the shortest accepted duration
     * @param max the longest accepted duration
     * @return its value or the fallback
     * @since 1.0.0
     */
    public Duration duration(String key, Duration fallback, Duration min, Duration max) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        Duration parsed = value instanceof String text ? parseDuration(text) : null;
        if (parsed == null || parsed.compareTo(min) < 0 || parsed.compareTo(max) > 0) {
            throw wrong(key, value, "a duration from " + min + " to " + max + ", like 30s or 5m");
        }
        return parsed;
    }

    /**
     * An optional list of strings (absent means empty).
     *
     * @param key the setting
     * @param maxSize the most entries accepted
     * @return an immutable list
     * @since 1.0.0
     */
    public List<String> strings(String key, int maxSize) {
        Object value = values.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || list.size() > maxSize) {
            throw wrong(key, value, "a list of at most " + maxSize + " strings");
        }
        List<String> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String text) || text.isBlank()) {
                throw wrong(key + "[" + i + "]", list.get(i), "a non-blank string");
            }
            out.add(text);
        }
        return List.copyOf(out);
    }

    /**
     * A nested object, whose errors name keys under this one ({@code key.inner}).
     *
     * @param key the setting
     * @return the nested settings, empty when absent
     * @since 1.0.0
     */
    public Settings object(String key) {
        Object value = values.get(key);
        if (value == null) {
            return new Settings(Map.of(), path(key) + ".");
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw wrong(key, value, "an object");
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return new Settings(Collections.unmodifiableMap(copy), path(key) + ".");
    }

    /**
     * An error about one key, named with this object's prefix.
     *
     * @param key the setting
     * @param message what is wrong and what was expected (the key is prepended)
     * @return the exception to throw
     * @since 1.0.0
     */
    public InvalidSettingsException invalid(String key, String message) {
        return new InvalidSettingsException(path(key), path(key) + ": " + message);
    }

    private InvalidSettingsException missing(String key, String expected) {
        return invalid(key, "missing (expected: " + expected + ")");
    }

    private InvalidSettingsException wrong(String key, Object value, String expected) {
        String shown = value instanceof String ? "'" + value + "'" : String.valueOf(value);
        if (shown.length() > 80) {
            shown = shown.substring(0, 77) + "...";
        }
        return invalid(key, shown + " (expected: " + expected + ")");
    }

    private String path(String key) {
        return prefix + key;
    }

    private static Duration parseDuration(String text) {
        String t = text.trim();
        try {
            if (t.startsWith("P") || t.startsWith("p")) {
                return Duration.parse(t);
            }
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            long amount = Long.parseLong(t.substring(0, t.length() - 1));
            switch (t.charAt(t.length() - 1)) {
                case 's':
                    return Duration.ofSeconds(amount);
                case 'm':
                    return Duration.ofMinutes(amount);
                case 'h':
                    return Duration.ofHours(amount);
                case 'd':
                    return Duration.ofDays(amount);
                default:
                    return null;
            }
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "Settings" + values.keySet();
    }
}
