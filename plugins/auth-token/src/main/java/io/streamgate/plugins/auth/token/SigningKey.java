package io.streamgate.plugins.auth.token;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** One HMAC-SHA256 key; its {@code toString} never shows the secret. */
final class SigningKey {

    private static final String ALGORITHM = "HmacSHA256";

    private final String kid;
    private final SecretKeySpec secret;
    // A Mac is not thread-safe and costly to set up; one per thread keeps checks allocation-light. The values are
    // JDK objects only, so a thread that outlives an unloaded plugin keeps no plugin class loader alive.
    private final ThreadLocal<Mac> macs;

    SigningKey(String kid, byte[] secret) {
        this.kid = kid;
        this.secret = new SecretKeySpec(secret, ALGORITHM);
        this.macs = ThreadLocal.withInitial(this::newMac);
        newMac(); // fail at create, not on the first check
    }

    String kid() {
        return kid;
    }

    byte[] sign(byte[] message) {
        Mac mac = macs.get();
        return mac.doFinal(message); // doFinal resets the Mac for the next use
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(secret);
            return mac;
        } catch (GeneralSecurityException e) {
            // Every Java SE runtime must provide HmacSHA256, and any non-empty key is valid for it.
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        }
    }

    @Override
    public String toString() {
        return "SigningKey[" + kid + "]";
    }
}
