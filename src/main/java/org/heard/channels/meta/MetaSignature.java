package org.heard.channels.meta;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Meta signs every event notification with the App Secret: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of
 * the raw body>}. The body is signed as sent, with Meta's unicode escapes ({@code \u00e9}) left in, so only the bytes
 * received may be checked, never a re-serialised copy.
 *
 * @see <a href="https://developers.facebook.com/docs/graph-api/webhooks/getting-started#event-notifications">Webhooks:
 *     validating payloads</a>
 */
public final class MetaSignature {

    public static final String HEADER = "X-Hub-Signature-256";
    private static final String PREFIX = "sha256=";

    private final byte[] appSecret;

    public MetaSignature(String appSecret) {
        this.appSecret = appSecret.getBytes(StandardCharsets.UTF_8);
    }

    public String sign(byte[] body) {
        return PREFIX + HexFormat.of().formatHex(hmac(body));
    }

    /** Compares in constant time, so the signature cannot be guessed byte by byte. */
    public boolean matches(byte[] body, @Nullable String header) {
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(PREFIX.length()).strip());
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(hmac(body), given);
    }

    private byte[] hmac(byte[] body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java", e);
        }
    }
}
