package org.heard.channels.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.heard.channels.Credentials;
import org.heard.platform.Refused;
import org.springframework.stereotype.Component;

/**
 * Seals an account's credentials with AES-256-GCM. The stored bytes are a format version, the id of
 * the key, a random 12-byte IV and the ciphertext with its tag. The channel and the account's key are
 * bound in as associated data, so credentials copied onto another account's row do not open there.
 */
@Component
class CredentialsCipher {

    static final byte VERSION = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final CredentialsKey keys;
    private final SecureRandom random = new SecureRandom();

    CredentialsCipher(CredentialsKey keys) {
        this.keys = keys;
    }

    byte[] seal(Credentials credentials, String channel, String accountKey) {
        var key = keys.current();
        var iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.secret(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData(key.id(), channel, accountKey));
            var sealed = cipher.doFinal(plain(credentials));
            return ByteBuffer.allocate(2 + IV_BYTES + sealed.length)
                    .put(VERSION)
                    .put(key.id())
                    .put(iv)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java cannot encrypt with AES-GCM", e);
        }
    }

    /** Throws {@link Unreadable} when no configured key opens them (a wrong key, or tampered bytes). */
    Credentials open(byte[] sealed, String channel, String accountKey) {
        if (sealed.length < 2 + IV_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new Unreadable();
        }
        for (var key : keys.candidates(sealed[1])) {
            try {
                var cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, key.secret(), new GCMParameterSpec(TAG_BITS, sealed, 2, IV_BYTES));
                cipher.updateAAD(associatedData(key.id(), channel, accountKey));
                return credentials(cipher.doFinal(sealed, 2 + IV_BYTES, sealed.length - 2 - IV_BYTES));
            } catch (GeneralSecurityException | IOException wrongKey) {
                // another key may carry the same one-byte id
            }
        }
        throw new Unreadable();
    }

    /**
     * Whether these bytes were written with the current key, or should be sealed again with it. A key's id is one
     * byte, so a previous key shares the current one's id once in 256 rotations: only opening with the current key
     * tells, or credentials sealed with a retired key would be kept until that key is removed, and then be lost.
     */
    boolean current(byte[] sealed, String channel, String accountKey) {
        return keys.currentIfAny()
                .map(key -> sealed.length > 1
                        && sealed[0] == VERSION
                        && sealed[1] == key.id()
                        && opensWith(key, sealed, channel, accountKey))
                .orElse(true);
    }

    private static boolean opensWith(CredentialsKey.Key key, byte[] sealed, String channel, String accountKey) {
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.secret(), new GCMParameterSpec(TAG_BITS, sealed, 2, IV_BYTES));
            cipher.updateAAD(associatedData(key.id(), channel, accountKey));
            cipher.doFinal(sealed, 2 + IV_BYTES, sealed.length - 2 - IV_BYTES);
            return true;
        } catch (GeneralSecurityException | IllegalArgumentException wrongKey) {
            return false;
        }
    }

    private static byte[] associatedData(byte keyId, String channel, String accountKey) {
        var account = (channel + "\u0000" + accountKey).getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(2 + account.length)
                .put(VERSION)
                .put(keyId)
                .put(account)
                .array();
    }

    private static byte[] plain(Credentials credentials) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new DataOutputStream(bytes)) {
            var values = credentials.asMap();
            out.writeInt(values.size());
            for (var entry : values.entrySet()) {
                out.writeUTF(entry.getKey());
                out.writeUTF(entry.getValue());
            }
        } catch (IOException e) {
            throw new Refused("A credential is longer than Heard keeps", e);
        }
        return bytes.toByteArray();
    }

    private static Credentials credentials(byte[] plain) throws IOException {
        try (var in = new DataInputStream(new ByteArrayInputStream(plain))) {
            int size = in.readInt();
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < size; i++) {
                values.put(in.readUTF(), in.readUTF());
            }
            return Credentials.of(values);
        }
    }

    /** No configured key opens an account's credentials. */
    static final class Unreadable extends RuntimeException {
        Unreadable() {
            super("The account's credentials cannot be decrypted with this key: configure the key they were"
                    + " saved with (HEARD_CREDENTIALS_KEY, or HEARD_PREVIOUS_CREDENTIALS_KEYS after a change),"
                    + " or connect the account again.");
        }
    }
}
