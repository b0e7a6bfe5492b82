package io.streamgate.plugin.api.auth;

import java.time.Instant;

/**
 * A capability an {@link AuthBackend} may also have: minting the {@code token} its own checks accept, so the
 * operator API can hand out signed playback links.
 *
 * @since 1.0.0
 */
public interface SignedLinkIssuer {

    /**
     * Mints a token for one stream.
     *
     * @param stream the stream's flat name
     * @param expiresAt when the token stops working
     * @param clientAddress an IP address or CIDR the token is bound to, or {@code null} for any
     * @return the value of the {@code token} query parameter
     * @throws io.streamgate.plugin.api.InvalidSettingsException naming {@code ip} when the address is malformed
     * @since 1.0.0
     */
    String issue(String stream, Instant expiresAt, String clientAddress);
}
