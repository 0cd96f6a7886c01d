package org.heard.channels.telegram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The secret Telegram sends back in {@code X-Telegram-Bot-Api-Secret-Token} with every webhook. Telegram
 * takes 1-256 characters from {@code A-Z a-z 0-9 _ -} (https://core.telegram.org/bots/api#setwebhook,
 * {@code secret_token}). Heard's verify token for the account is used as it is when it fits; otherwise
 * the secret is its SHA-256 in unpadded base64url (43 characters from that very alphabet), so the same
 * account always gets the same secret and nothing else needs storing.
 *
 * <p>Telegram does not sign the body: the secret proves the sender set the webhook, and TLS keeps the
 * body intact on its way.
 */
final class TelegramSecretToken {

    static final String HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    private TelegramSecretToken() {}

    /** The secret to register with {@code setWebhook} for an account's verify token. */
    static String from(String verifyToken) {
        if (ALLOWED.matcher(verifyToken).matches()) {
            return verifyToken;
        }
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(verifyToken.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Whether the header holds the account's secret, compared in constant time. */
    static boolean matches(@Nullable String verifyToken, @Nullable String header) {
        if (verifyToken == null || verifyToken.isBlank() || header == null) {
            return false;
        }
        return MessageDigest.isEqual(
                from(verifyToken).getBytes(StandardCharsets.UTF_8), header.getBytes(StandardCharsets.UTF_8));
    }
}
