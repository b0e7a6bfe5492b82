package io.streamgate.plugins.auth.acl;

import io.streamgate.plugin.api.Settings;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Host names ({@code example.com}) and wildcard domains ({@code *.example.com}, which matches any subdomain but not
 * {@code example.com} itself), matched against the host of a {@code Referer} header by hash lookups, one per label.
 */
final class HostPatterns {

    private static final int MAX_HOST_LENGTH = 253;

    private final Set<String> exact;
    private final Set<String> suffixes; // ".example.com" for "*.example.com"

    private HostPatterns(Set<String> exact, Set<String> suffixes) {
        this.exact = Set.copyOf(exact);
        this.suffixes = Set.copyOf(suffixes);
    }

    static HostPatterns parse(Settings settings, String key, int maxSize) {
        List<String> texts = settings.strings(key, maxSize);
        Set<String> exact = new HashSet<>();
        Set<String> suffixes = new HashSet<>();
        for (int i = 0; i < texts.size(); i++) {
            String pattern = texts.get(i).trim().toLowerCase(Locale.ROOT);
            boolean wildcard = pattern.startsWith("*.");
            String host = wildcard ? pattern.substring(2) : pattern;
            if (!isHostName(host)) {
                throw settings.invalid(
                        key + "[" + i + "]",
                        "'" + texts.get(i) + "' (expected: a host name like example.com or *.example.com)");
            }
            if (wildcard) {
                suffixes.add("." + host);
            } else {
                exact.add(host);
            }
        }
        return new HostPatterns(exact, suffixes);
    }

    boolean isEmpty() {
        return exact.isEmpty() && suffixes.isEmpty();
    }

    /** Whether a host, lower case and without a trailing dot, matches a pattern. */
    boolean matches(String host) {
        if (exact.contains(host)) {
            return true;
        }
        for (int dot = host.indexOf('.'); dot > 0; dot = host.indexOf('.', dot + 1)) {
            if (suffixes.contains(host.substring(dot))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The host of a {@code Referer} header value, lower case, without user info, port or trailing dot; {@code null}
     * when the value is not an absolute http(s) URL. Written by hand so a viewer's garbage costs no exception.
     */
    static String refererHost(String referer) {
        int schemeEnd = referer.indexOf("://");
        if (schemeEnd <= 0) {
            return null;
        }
        String scheme = referer.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return null;
        }
        int start = schemeEnd + 3;
        int end = start;
        while (end < referer.length() && "/?#".indexOf(referer.charAt(end)) < 0) {
            end++;
        }
        String authority = referer.substring(start, end);
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        String host;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            host = close < 0 ? "" : authority.substring(1, close);
        } else {
            int colon = authority.indexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return host.isEmpty() ? null : host;
    }

    /** Letters, digits and inner hyphens in 1 to 63 character labels, two labels at least. */
    private static boolean isHostName(String host) {
        if (host.isEmpty() || host.length() > MAX_HOST_LENGTH) {
            return false;
        }
        String[] labels = host.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (label.isEmpty()
                    || label.length() > 63
                    || label.startsWith("-")
                    || label.endsWith("-")
                    || !label.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "HostPatterns[" + exact.size() + " hosts, " + suffixes.size() + " wildcards]";
    }
}
