package io.streamgate.plugins.auth.token;

import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;

/**
 * The IP address or CIDR block a token is bound to.
 *
 * @param block a single address, or a prefix block
 */
record AddressBinding(IPAddress block) {

    // Only plain dotted-quad IPv4 and standard IPv6, optionally with a prefix length: no ranges, wildcards, masks,
    // zones or inet_aton shorthands, whose meaning operators and viewers could read differently.
    private static final IPAddressStringParameters STRICT = strict();

    /** Parses an operator's address or CIDR; {@code null} when it is not one. */
    static AddressBinding parse(String text) {
        IPAddress address = text == null ? null : new IPAddressString(text.trim(), STRICT).getAddress();
        if (address == null) {
            return null;
        }
        return new AddressBinding(unmapped(address.isPrefixed() ? address.toPrefixBlock() : address));
    }

    /** The canonical text tokens carry, e.g. {@code 203.0.113.0/24} or {@code 2001:db8::/32}. */
    String canonical() {
        return block.toCanonicalString();
    }

    /** Whether the viewer's address falls in this binding; an unparsable viewer address never does. */
    boolean admits(String clientIp) {
        IPAddress client = clientIp == null ? null : new IPAddressString(clientIp, STRICT).getAddress();
        return client != null && !client.isPrefixed() && block.contains(unmapped(client));
    }

    /** IPv4 viewers reach dual-stack listeners as {@code ::ffff:a.b.c.d}; they must match IPv4 bindings. */
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
}
