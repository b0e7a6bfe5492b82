package io.streamgate.plugins.auth.token;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * A token as carried in the {@code token} query parameter: {@code v1.<kid>.<expiry>.<address>.<signature>}, where
 * {@code expiry} is epoch seconds in decimal, {@code address} is the bound IP or CIDR as unpadded base64url (empty
 * when unbound) and {@code signature} is the unpadded base64url HMAC-SHA256 of {@link #message}. Every character is
 * in {@code [A-Za-z0-9._-]}, so the token needs no escaping in a URL.
 *
 * @param kid the id of the key that signed it
 * @param expiresAt epoch seconds from which it no longer works
 * @param address the bound address in canonical text, empty when unbound
 * @param signature the signature as carried (base64url)
 */
record SignedToken(String kid, long expiresAt, String address, String signature) {

    static final String VERSION = "v1";
    // Length-prefixed after this tag, so no field can be shifted into another and no other use of the same secret
    // can produce a valid token.
    private static final byte[] DOMAIN = "streamgate/auth-token/v1".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_LENGTH = 256;
    private static final int MAX_EXPIRY_DIGITS = 12;
    private static final int MAX_ADDRESS_CHARS = 96;
    private static final int SIGNATURE_CHARS = 43; // 32 bytes, unpadded base64url
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** Whether the text is a valid key id: {@code [A-Za-z0-9_-]{1,32}}. */
    static boolean isKeyId(String text) {
        return text != null && text.length() <= 32 && isBase64Url(text, 0, text.length()) && !text.isEmpty();
    }

    /** Mints a token with the given key. */
    static String issue(SigningKey key, String projectId, String stream, long expiresAt, String address) {
        String signature = sign(key, projectId, stream, expiresAt, address);
        return VERSION
                + '.'
                + key.kid()
                + '.'
                + expiresAt
                + '.'
                + ENCODER.encodeToString(address.getBytes(StandardCharsets.ISO_8859_1))
                + '.'
                + signature;
    }

    /** The signature the key gives these fields, as base64url. */
    static String sign(SigningKey key, String projectId, String stream, long expiresAt, String address) {
        return ENCODER.encodeToString(key.sign(message(projectId, stream, expiresAt, address, key.kid())));
    }

    /** Compares in constant time, so the time taken reveals nothing about how much of a guess was right. */
    boolean hasSignature(String expected) {
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.ISO_8859_1), signature.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * Reads a token without throwing: viewers send anything, and a garbled token is an ordinary answer, not an
     * error.
     *
     * @return the token's fields, or {@code null} when it is not a well-formed v1 token
     */
    static SignedToken parse(String text) {
        if (text.length() > MAX_LENGTH || !text.startsWith(VERSION + '.')) {
            return null;
        }
        int kidStart = VERSION.length() + 1;
        int kidEnd = text.indexOf('.', kidStart);
        int expiryEnd = kidEnd < 0 ? -1 : text.indexOf('.', kidEnd + 1);
        int addressEnd = expiryEnd < 0 ? -1 : text.indexOf('.', expiryEnd + 1);
        if (addressEnd < 0 || text.indexOf('.', addressEnd + 1) >= 0) {
            return null;
        }
        String kid = text.substring(kidStart, kidEnd);
        long expiresAt = parseExpiry(text, kidEnd + 1, expiryEnd);
        String address = parseAddress(text, expiryEnd + 1, addressEnd);
        String signature = text.substring(addressEnd + 1);
        if (!isKeyId(kid)
                || expiresAt < 0
                || address == null
                || signature.length() != SIGNATURE_CHARS
                || !isBase64Url(signature, 0, signature.length())) {
            return null;
        }
        return new SignedToken(kid, expiresAt, address, signature);
    }

    static byte[] message(String projectId, String stream, long expiresAt, String address, String kid) {
        byte[] project = projectId.getBytes(StandardCharsets.UTF_8);
        byte[] name = stream.getBytes(StandardCharsets.UTF_8);
        byte[] bound = address.getBytes(StandardCharsets.ISO_8859_1);
        byte[] keyId = kid.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer out = ByteBuffer.allocate(5 * Integer.BYTES
                + DOMAIN.length
                + project.length
                + name.length
                + Long.BYTES
                + bound.length
                + keyId.length);
        out.putInt(DOMAIN.length).put(DOMAIN);
        out.putInt(project.length).put(project);
        out.putInt(name.length).put(name);
        out.putLong(expiresAt);
        out.putInt(bound.length).put(bound);
        out.putInt(keyId.length).put(keyId);
        return out.array();
    }

    /** Decimal digits only, no sign or leading zero; -1 when malformed. */
    private static long parseExpiry(String text, int from, int to) {
        int length = to - from;
        if (length < 1 || length > MAX_EXPIRY_DIGITS || (length > 1 && text.charAt(from) == '0')) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** The decoded address, empty when unbound, {@code null} when not canonical unpadded base64url. */
    private static String parseAddress(String text, int from, int to) {
        int length = to - from;
        if (length == 0) {
            return "";
        }
        if (length > MAX_ADDRESS_CHARS || length % 4 == 1 || !isBase64Url(text, from, to)) {
            return null;
        }
        String encoded = text.substring(from, to);
        byte[] decoded = DECODER.decode(encoded); // cannot throw: alphabet and length checked above
        // The decoder ignores unused trailing bits; requiring the canonical encoding keeps one token per payload.
        return ENCODER.encodeToString(decoded).equals(encoded)
                ? new String(decoded, StandardCharsets.ISO_8859_1)
                : null;
    }

    private static boolean isBase64Url(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            boolean ok =
                    (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
