package io.streamgate.plugins.auth.acl;

import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv4.IPv4AddressTrie;
import inet.ipaddr.ipv6.IPv6Address;
import inet.ipaddr.ipv6.IPv6AddressTrie;
import io.streamgate.plugin.api.Settings;
import java.util.List;

/**
 * IP addresses and CIDR blocks, matched through one binary trie per IP version: a lookup costs at most one step per
 * address bit, whatever the list's length. The tries are filled once and only read after, so sharing them between
 * threads is safe.
 */
final class AddressList {

    // Plain dotted-quad IPv4 and standard IPv6, optionally with a prefix length; no ranges, wildcards, masks, zones or
    // inet_aton shorthands, whose meaning an operator could misread.
    static final IPAddressStringParameters STRICT = strict();

    private final IPv4AddressTrie ipv4 = new IPv4AddressTrie();
    private final IPv6AddressTrie ipv6 = new IPv6AddressTrie();
    private final int size;

    private AddressList(List<IPAddress> entries) {
        for (IPAddress entry : entries) {
            if (entry.isIPv4()) {
                ipv4.add(entry.toIPv4());
            } else {
                ipv6.add(entry.toIPv6());
            }
        }
        size = entries.size();
    }

    static AddressList parse(Settings settings, String key, int maxSize) {
        List<String> texts = settings.strings(key, maxSize);
        IPAddress[] entries = new IPAddress[texts.size()];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = parse(texts.get(i));
            if (entries[i] == null) {
                throw settings.invalid(
                        key + "[" + i + "]",
                        "'" + texts.get(i)
                                + "' (expected: an IP address or CIDR, like 203.0.113.7, 203.0.113.0/24 or 2001:db8::/32)");
            }
        }
        return new AddressList(List.of(entries));
    }

    /** A single address or a prefix block; {@code null} when the text is neither. */
    static IPAddress parse(String text) {
        IPAddress address = text == null ? null : new IPAddressString(text.trim(), STRICT).getAddress();
        if (address == null) {
            return null;
        }
        return unmapped(address.isPrefixed() ? address.toPrefixBlock() : address);
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Whether an entry holds the client address, already parsed with {@link #parse(String)}. */
    boolean contains(IPAddress client) {
        if (client.isIPv4()) {
            return ipv4.elementContains((IPv4Address) client);
        }
        return ipv6.elementContains((IPv6Address) client);
    }

    /** IPv4 viewers reach dual-stack listeners as {@code ::ffff:a.b.c.d}; they must match IPv4 entries. */
    private static IPAddress unmapped(IPAddress address) {
        if (address.isIPv6() && address.toIPv6().isIPv4Mapped() && !address.isPrefixed()) {
            return address.toIPv6().getEmbeddedIPv4Address();
        }
        return address;
    }

    private static IPAddressStringParameters strict() {
        IPAddressStringParameters.Builder builder = new IPAddressStringParameters.Builder()
                .allowEmpty(false)
                .allowAll(false)
                .allowSingleSegment(false)
                .allowPrefixOnly(false)
                .allowMask(false)
                .allow_inet_aton(false)
                .allowWildcardedSeparator(false)
                .setRangeOptions(RangeParameters.NO_RANGE);
        builder.getIPv4AddressParametersBuilder().allowLeadingZeros(false).allowBinary(false);
        builder.getIPv6AddressParametersBuilder()
                .allowZone(false)
                .allowBase85(false)
                .allowBinary(false);
        return builder.toParams();
    }

    @Override
    public String toString() {
        return "AddressList[" + size + " entries]";
    }
}
