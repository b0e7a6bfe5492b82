package io.streamgate.plugins.auth.acl;

import io.streamgate.plugin.api.Settings;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-2 country codes, as GeoIP databases write them in {@code country.iso_code}. */
final class CountryList {

    // The JDK's assigned codes, plus Kosovo's user-assigned XK, which MaxMind databases use. Checking against the
    // assigned codes catches the common slip of UK for GB, which would otherwise never match anyone.
    private static final Set<String> CODES = codes();

    private final Set<String> codes;

    private CountryList(Set<String> codes) {
        this.codes = Set.copyOf(codes);
    }

    static CountryList parse(Settings settings, String key, int maxSize) {
        List<String> texts = settings.strings(key, maxSize);
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < texts.size(); i++) {
            if (!CODES.contains(texts.get(i))) {
                throw settings.invalid(
                        key + "[" + i + "]",
                        "'" + texts.get(i)
                                + "' (expected: an ISO 3166-1 alpha-2 country code in upper case, like FR or GB)");
            }
            codes.add(texts.get(i));
        }
        return new CountryList(codes);
    }

    boolean isEmpty() {
        return codes.isEmpty();
    }

    /** Whether the code is listed; {@code null} (no country known) never is. */
    boolean contains(String code) {
        return code != null && codes.contains(code);
    }

    private static Set<String> codes() {
        Set<String> codes = new HashSet<>(Set.of(Locale.getISOCountries()));
        codes.add("XK");
        return Set.copyOf(codes);
    }

    @Override
    public String toString() {
        return "CountryList" + new java.util.TreeSet<>(codes);
    }
}
