package org.heard.channels.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The AES-256 key that account credentials are encrypted with. It comes from configuration
 * ({@code HEARD_CREDENTIALS_KEY}, base64 of 32 bytes), never from the database it protects: a copy of
 * the database alone reveals no token. With Heard's embedded database and no key configured, Heard
 * keeps one next to the data in {@code <data dir>/credentials.key}, readable by its owner only; with an
 * external database it refuses to store credentials until a key is configured, because a key generated
 * on one node would leave the others unable to read what it wrote.
 *
 * <p>Keys replaced by a new one are given as {@code HEARD_PREVIOUS_CREDENTIALS_KEYS} (comma-separated):
 * Heard still reads with them and re-encrypts each account with the current key.
 */
@Component
class CredentialsKey {

    private static final Logger log = LoggerFactory.getLogger(CredentialsKey.class);
    static final String FILE = "credentials.key";

    /** A key and the byte that names it in ciphertext, so Heard knows which key to read with. */
    record Key(byte id, SecretKey secret) {

        static Key of(byte[] material) {
            if (material.length != 32) {
                throw new IllegalStateException(
                        "A credentials key is base64 of exactly 32 bytes (AES-256); this one has " + material.length
                                + ". Make one with: openssl rand -base64 32");
            }
            return new Key(fingerprint(material), new SecretKeySpec(material, "AES"));
        }

        static Key parse(String base64) {
            try {
                return of(Base64.getDecoder().decode(base64.strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(
                        "The credentials key is not base64. Make one with: openssl rand -base64 32");
            }
        }

        private static byte fingerprint(byte[] material) {
            try {
                return MessageDigest.getInstance("SHA-256").digest(material)[0];
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String toString() {
            return "Key[" + id + "]";
        }
    }

    private final @Nullable Key current;
    private final List<Key> previous;

    @Autowired
    CredentialsKey(
            @Value("${heard.channels.credentials-key:}") String configured,
            @Value("${heard.channels.previous-credentials-keys:}") String previousKeys,
            @Value("${spring.datasource.url:}") String datasourceUrl,
            @Value("${heard.data-dir}") Path dataDir) {
        this(current(configured, datasourceUrl, dataDir), previous(previousKeys));
    }

    CredentialsKey(@Nullable Key current, List<Key> previous) {
        this.current = current;
        this.previous = List.copyOf(previous);
    }

    /** The key new ciphertext is written with; throws {@link KeyMissing} if there is none. */
    Key current() {
        if (current == null) {
            throw new KeyMissing();
        }
        return current;
    }

    Optional<Key> currentIfAny() {
        return Optional.ofNullable(current);
    }

    /** Every key that may have written ciphertext named {@code id}, the current one first. */
    List<Key> candidates(byte id) {
        var keys = new ArrayList<Key>();
        if (current != null && current.id() == id) {
            keys.add(current);
        }
        previous.stream().filter(key -> key.id() == id).forEach(keys::add);
        return keys;
    }

    private static @Nullable Key current(String configured, String datasourceUrl, Path dataDir) {
        if (!configured.isBlank()) {
            return Key.parse(configured);
        }
        if (!datasourceUrl.isBlank()) {
            log.warn("No credentials key is configured for this external database: Heard cannot connect accounts"
                    + " until HEARD_CREDENTIALS_KEY is set (base64 of 32 bytes: openssl rand -base64 32)");
            return null;
        }
        return kept(dataDir.toAbsolutePath().resolve(FILE));
    }

    private static List<Key> previous(String keys) {
        var parsed = new ArrayList<Key>();
        for (var key : keys.split(",")) {
            if (!key.isBlank()) {
                parsed.add(Key.parse(key));
            }
        }
        return parsed;
    }

    /** The embedded installation's own key, made on first start. */
    static Key kept(Path file) {
        try {
            if (!Files.exists(file)) {
                var material = new byte[32];
                new SecureRandom().nextBytes(material);
                Files.createDirectories(file.getParent());
                write(file, Base64.getEncoder().encodeToString(material));
                log.info(
                        "Generated the key that encrypts account credentials at {}; back it up with the data,"
                                + " or set HEARD_CREDENTIALS_KEY to its contents",
                        file);
            } else {
                log.info("Account credentials are encrypted with the key in {}", file);
            }
            return Key.parse(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("Heard cannot keep its credentials key at " + file, e);
        }
    }

    private static void write(Path file, String key) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException raced) {
            return;
        }
        Files.writeString(file, key + "\n", StandardCharsets.US_ASCII);
    }

    /** Heard has no key to encrypt credentials with. */
    static final class KeyMissing extends RuntimeException {
        KeyMissing() {
            super("Heard has no key to encrypt account credentials with. Set HEARD_CREDENTIALS_KEY to base64 of"
                    + " 32 random bytes (openssl rand -base64 32) on every Heard node, restart, and connect again.");
        }
    }
}
