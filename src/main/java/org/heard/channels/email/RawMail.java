package org.heard.channels.email;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.heard.channels.MalformedWebhook;

/**
 * A mail exactly as the server holds it, kept as the payload of its delivery. Most mail is 7-bit
 * text and is kept as it is, readable in the inbound log; mail with 8-bit bytes (or a NUL, which
 * PostgreSQL text cannot hold) is kept in base64 behind a prefix. A mail that itself begins with that
 * prefix is kept in base64 too, so reading a payload back is never ambiguous.
 */
final class RawMail {

    static final String BASE64 = "base64,";

    private RawMail() {}

    static String payload(byte[] raw) {
        for (byte b : raw) {
            if (b <= 0) {
                return BASE64 + Base64.getEncoder().encodeToString(raw);
            }
        }
        var text = new String(raw, StandardCharsets.US_ASCII);
        return text.startsWith(BASE64) ? BASE64 + Base64.getEncoder().encodeToString(raw) : text;
    }

    static byte[] bytes(String payload) {
        if (!payload.startsWith(BASE64)) {
            return payload.getBytes(StandardCharsets.US_ASCII);
        }
        try {
            return Base64.getDecoder().decode(payload.substring(BASE64.length()));
        } catch (IllegalArgumentException e) {
            throw new MalformedWebhook("The recorded mail is not valid base64");
        }
    }
}
