package io.streamgate.plugins.auth.acl;

import io.streamgate.plugin.api.Settings;
import java.util.List;
import java.util.Locale;

/** Case-insensitive substrings of a {@code User-Agent} header. */
final class Substrings {

    private static final int MAX_LENGTH = 256;

    private final List<String> needles; // lower case

    private Substrings(List<String> needles) {
        this.needles = List.copyOf(needles);
    }

    static Substrings parse(Settings settings, String key, int maxSize) {
        List<String> texts = settings.strings(key, maxSize);
        String[] needles = new String[texts.size()];
        for (int i = 0; i < needles.length; i++) {
            if (texts.get(i).length() > MAX_LENGTH) {
                throw settings.invalid(
                        key + "[" + i + "]",
                        texts.get(i).length() + " characters (expected: a substring of at most " + MAX_LENGTH
                                + " characters)");
            }
            needles[i] = texts.get(i).toLowerCase(Locale.ROOT);
        }
        return new Substrings(List.of(needles));
    }

    boolean isEmpty() {
        return needles.isEmpty();
    }

    /** Whether the value, already in lower case, contains one of the substrings. */
    boolean matches(String lowerCaseValue) {
        for (String needle : needles) {
            if (lowerCaseValue.contains(needle)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "Substrings" + needles;
    }
}
