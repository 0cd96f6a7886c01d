package org.heard.channels.x;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * X's webhook security (https://docs.x.com/x-api/webhooks/quickstart): both the Challenge-Response
 * Check and the {@code x-twitter-webhooks-signature} header are {@code sha256=} and the base64 HMAC-SHA256
 * of the message, keyed with the app's consumer secret.
 */
final class XSignature {

    static final String HEADER = "x-twitter-webhooks-signature";
    private static final String PREFIX = "sha256=";

    private final byte[] consumerSecret;

    XSignature(String consumerSecret) {
        this.consumerSecret = consumerSecret.getBytes(StandardCharsets.UTF_8);
    }

    /** The CRC answer: {@code {"response_token":"sha256=..."}} for the {@code crc_token} X sent. */
    String responseToken(String crcToken) {
        return sign(crcToken.getBytes(StandardCharsets.UTF_8));
    }

    String sign(byte[] message) {
        return PREFIX + Base64.getEncoder().encodeToString(hmac(message));
    }

    /** Compares in constant time, so a signature cannot be guessed byte by byte. */
    boolean matches(byte[] body, @Nullable String header) {
        if (header == null || !header.startsWith(PREFIX)) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(header.substring(PREFIX.length()).strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmac(body), given);
    }

    private byte[] hmac(byte[] message) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(consumerSecret, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java", e);
        }
    }
}
