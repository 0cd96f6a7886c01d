package org.heard.channels.bluesky;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The record key of a reply, derived from the outbox's idempotency key so that a retried reply has the
 * same key: Heard first asks whether the record exists and creates it only if not. Posts are keyed by
 * TIDs (<a href="https://atproto.com/specs/tid">spec</a>): 13 base32-sortable characters of a 64-bit
 * number, 53 bits of microseconds and 10 bits of clock id. Heard's timestamp part comes from a hash
 * of the idempotency key, not from the clock, and lies in the 12 days after 2023-01-01; Bluesky orders
 * posts by their {@code createdAt}, not their key.
 */
final class RecordKey {

    private static final String ALPHABET = "234567abcdefghijklmnopqrstuvwxyz";
    private static final long START_MICROS = 1_672_531_200_000_000L;

    private RecordKey() {}

    static String of(String idempotencyKey) {
        long hash;
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            hash = ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
        long micros = START_MICROS + ((hash >>> 10) & ((1L << 40) - 1));
        long clockId = hash & 0x3FF;
        return encode(micros, 11) + encode(clockId, 2);
    }

    private static String encode(long value, int length) {
        var text = new char[length];
        for (int i = length - 1; i >= 0; i--) {
            text[i] = ALPHABET.charAt((int) (value & 31));
            value >>>= 5;
        }
        return new String(text);
    }
}
