package org.heard.channels.webchat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.heard.channels.ChannelAccount;
import org.jspecify.annotations.Nullable;

/**
 * A website visitor's pass: a random visitor id and an HMAC of it under the widget account's own secret.
 * The widget keeps both in the visitor's browser and shows them with every message, so nobody can write
 * as another visitor or read their replies without holding that visitor's pass.
 */
final class VisitorPass {

    static final String VISITOR_HEADER = "X-Heard-Visitor";
    static final String TOKEN_HEADER = "X-Heard-Visitor-Token";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private VisitorPass() {}

    record Pass(String visitor, String token) {}

    static Pass issue(ChannelAccount account) {
        var bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        var visitor = "v_" + URL.encodeToString(bytes);
        return new Pass(visitor, token(account, visitor));
    }

    /** Compares in constant time; a visitor id of the wrong shape never matches. */
    static boolean valid(ChannelAccount account, @Nullable String visitor, @Nullable String token) {
        if (visitor == null || token == null || !visitor.matches("v_[A-Za-z0-9_-]{22}")) {
            return false;
        }
        return MessageDigest.isEqual(
                token(account, visitor).getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.US_ASCII));
    }

    private static String token(ChannelAccount account, String visitor) {
        var secret = account.verifyToken();
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("A web chat account needs its verify token as the visitors' key");
        }
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return URL.encodeToString(mac.doFinal((account.key() + "/" + visitor).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java", e);
        }
    }
}
