package io.streamgate.plugin.host.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPolicyTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "127.255.255.254",
                "0.0.0.0",
                "0.1.2.3",
                "10.1.2.3",
                "172.16.0.1",
                "172.31.255.255",
                "192.168.1.1",
                "169.254.169.254",
                "169.254.0.1",
                "100.64.0.1",
                "100.127.255.255",
                "224.0.0.1",
                "239.255.255.250",
                "255.255.255.255",
                "::1",
                "::",
                "fc00::1",
                "fd12:3456::1",
                "fe80::1",
                "febf::1",
                "ff02::1",
                "::ffff:127.0.0.1",
                "::ffff:10.0.0.1",
                "::ffff:169.254.169.254",
                "::127.0.0.1",
                "::2",
                "64:ff9b::a9fe:a9fe"
            })
    void refusesNonPublicAddresses(String literal) throws UnknownHostException {
        assertThat(AddressPolicy.refusal(ipv6Kept(literal))).as(literal).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "8.8.8.8",
                "1.1.1.1",
                "93.184.216.34",
                "172.15.255.255",
                "172.32.0.1",
                "100.63.255.255",
                "100.128.0.1",
                "169.253.255.255",
                "11.0.0.1",
                "2001:4860:4860::8888",
                "2606:4700::1111",
                "::ffff:8.8.8.8",
                "64:ff9b::808:808"
            })
    void acceptsPublicAddresses(String literal) throws UnknownHostException {
        assertThat(AddressPolicy.refusal(ipv6Kept(literal))).as(literal).isNull();
    }

    /** The JDK turns ::ffff:a.b.c.d literals into IPv4 addresses; build the IPv6 form to test it too. */
    private static InetAddress ipv6Kept(String literal) throws UnknownHostException {
        if (literal.startsWith("::ffff:")) {
            byte[] v4 = InetAddress.getByName(literal.substring(7)).getAddress();
            byte[] v6 = new byte[16];
            v6[10] = (byte) 0xff;
            v6[11] = (byte) 0xff;
            System.arraycopy(v4, 0, v6, 12, 4);
            return java.net.Inet6Address.getByAddress(null, v6, -1);
        }
        return InetAddress.getByName(literal);
    }
}
