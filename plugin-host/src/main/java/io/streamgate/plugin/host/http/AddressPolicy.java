package io.streamgate.plugin.host.http;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;

/**
 * The address ranges a plugin may not reach unless the admin allows private targets: everything that is not a
 * public unicast address, including the IPv6 forms that embed such an IPv4 address.
 */
final class AddressPolicy {

    private record Range(byte[] prefix, int bits, String label) {
        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (prefix[full] & mask);
        }
    }

    private static final List<Range> IPV4 = List.of(
            v4("0.0.0.0", 8, "an unspecified"),
            v4("10.0.0.0", 8, "a private"),
            v4("100.64.0.0", 10, "a carrier-grade NAT"),
            v4("127.0.0.0", 8, "a loopback"),
            v4("169.254.0.0", 16, "a link-local (cloud metadata)"),
            v4("172.16.0.0", 12, "a private"),
            v4("192.0.0.0", 24, "a reserved"),
            v4("192.168.0.0", 16, "a private"),
            v4("198.18.0.0", 15, "a reserved"),
            v4("224.0.0.0", 4, "a multicast"),
            v4("240.0.0.0", 4, "a reserved"));

    private static final List<Range> IPV6 = List.of(
            v6("::", 128, "an unspecified"),
            v6("::1", 128, "a loopback"),
            v6("fc00::", 7, "a private"),
            v6("fe80::", 10, "a link-local"),
            v6("fec0::", 10, "a site-local"),
            v6("ff00::", 8, "a multicast"));

    private AddressPolicy() {}

    /**
     * Why the address may not be reached.
     *
     * @return a phrase like {@code a loopback}, or {@code null} for a public unicast address
     */
    static String refusal(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return match(IPV4, bytes);
        }
        if (address instanceof Inet6Address) {
            byte[] embedded = embeddedIpv4(bytes);
            if (embedded != null) {
                String inner = match(IPV4, embedded);
                return inner == null ? null : inner + " (IPv4 embedded in IPv6)";
            }
            return match(IPV6, bytes);
        }
        return "an unknown kind of";
    }

    /**
     * The IPv4 address inside an IPv4-mapped ({@code ::ffff:a.b.c.d}), IPv4-compatible ({@code ::a.b.c.d}) or NAT64
     * ({@code 64:ff9b::a.b.c.d}) address, all of which can reach the IPv4 host.
     */
    private static byte[] embeddedIpv4(byte[] v6) {
        boolean zeroTo10 = true;
        for (int i = 0; i < 10; i++) {
            zeroTo10 &= v6[i] == 0;
        }
        boolean mapped = zeroTo10 && v6[10] == (byte) 0xff && v6[11] == (byte) 0xff;
        boolean loopbackOrUnspecified = zeroTo10
                && v6[10] == 0
                && v6[11] == 0
                && v6[12] == 0
                && v6[13] == 0
                && v6[14] == 0
                && (v6[15] & 0xfe) == 0;
        boolean compatible = zeroTo10 && v6[10] == 0 && v6[11] == 0 && !loopbackOrUnspecified;
        boolean nat64 = v6[0] == 0 && v6[1] == 0x64 && v6[2] == (byte) 0xff && v6[3] == (byte) 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = v6[i] == 0;
        }
        if (!mapped && !compatible && !nat64) {
            return null;
        }
        return new byte[] {v6[12], v6[13], v6[14], v6[15]};
    }

    private static String match(List<Range> ranges, byte[] bytes) {
        for (Range range : ranges) {
            if (range.contains(bytes)) {
                return range.label();
            }
        }
        return null;
    }

    private static Range v4(String literal, int bits, String label) {
        return new Range(literalBytes(literal), bits, label);
    }

    private static Range v6(String literal, int bits, String label) {
        return new Range(literalBytes(literal), bits, label);
    }

    private static byte[] literalBytes(String literal) {
        try {
            // Only literals reach here, so no name lookup happens.
            return InetAddress.getByName(literal).getAddress();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
