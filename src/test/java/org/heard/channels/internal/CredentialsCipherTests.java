package org.heard.channels.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.heard.channels.Credentials;
import org.junit.jupiter.api.Test;

class CredentialsCipherTests {

    private static final Credentials SECRET =
            Credentials.of(Map.of("token", "123456:AAH-very-secret-bot-token", "workspace", "acme"));

    private final CredentialsKey.Key key = CredentialsKey.Key.of(randomKey());
    private final CredentialsCipher cipher = new CredentialsCipher(new CredentialsKey(key, List.of()));

    @Test
    void sealedCredentialsOpenAgainAndDoNotContainTheSecret() {
        var sealed = cipher.seal(SECRET, "telegram", "account-key");

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1))
                .doesNotContain("very-secret")
                .doesNotContain("acme");
        assertThat(sealed[0]).isEqualTo(CredentialsCipher.VERSION);
        assertThat(cipher.open(sealed, "telegram", "account-key")).isEqualTo(SECRET);
    }

    @Test
    void everySealingUsesAFreshIv() {
        assertThat(cipher.seal(SECRET, "telegram", "k")).isNotEqualTo(cipher.seal(SECRET, "telegram", "k"));
    }

    @Test
    void aTamperedCiphertextDoesNotOpen() {
        var sealed = cipher.seal(SECRET, "telegram", "account-key");
        sealed[sealed.length - 5] ^= 1;

        assertThatThrownBy(() -> cipher.open(sealed, "telegram", "account-key"))
                .isInstanceOf(CredentialsCipher.Unreadable.class)
                .hasMessageContaining("credentials cannot be decrypted with this key");
    }

    @Test
    void credentialsCopiedToAnotherAccountDoNotOpenThere() {
        var sealed = cipher.seal(SECRET, "telegram", "account-key");

        assertThatThrownBy(() -> cipher.open(sealed, "telegram", "other-key"))
                .isInstanceOf(CredentialsCipher.Unreadable.class);
        assertThatThrownBy(() -> cipher.open(sealed, "facebook", "account-key"))
                .isInstanceOf(CredentialsCipher.Unreadable.class);
    }

    @Test
    void anotherKeyCannotOpenThemAndSaysSo() {
        var sealed = cipher.seal(SECRET, "telegram", "account-key");
        var other = new CredentialsCipher(new CredentialsKey(CredentialsKey.Key.of(randomKey()), List.of()));

        assertThatThrownBy(() -> other.open(sealed, "telegram", "account-key"))
                .isInstanceOf(CredentialsCipher.Unreadable.class)
                .hasMessageNotContaining("very-secret");
    }

    @Test
    void afterARotationThePreviousKeyStillOpensAndTheCiphertextIsToBeSealedAgain() {
        var sealed = cipher.seal(SECRET, "telegram", "account-key");
        var rotated = new CredentialsCipher(new CredentialsKey(CredentialsKey.Key.of(randomKey()), List.of(key)));

        assertThat(rotated.open(sealed, "telegram", "account-key")).isEqualTo(SECRET);
        assertThat(rotated.current(sealed, "telegram", "account-key")).isFalse();
        assertThat(rotated.current(rotated.seal(SECRET, "telegram", "account-key"), "telegram", "account-key"))
                .isTrue();
    }

    @Test
    void aPreviousKeyThatSharesTheCurrentKeysOneByteIdIsStillToBeSealedAgain() {
        var sealed = cipher.seal(SECRET, "telegram", "account-key");
        var twin = keyWithTheIdOf(key);
        var rotated = new CredentialsCipher(new CredentialsKey(twin, List.of(key)));

        assertThat(twin.id()).isEqualTo(key.id());
        assertThat(rotated.open(sealed, "telegram", "account-key")).isEqualTo(SECRET);
        assertThat(rotated.current(sealed, "telegram", "account-key")).isFalse();
    }

    /** A different key whose one-byte id is the same: one random key in 256 is. */
    private static CredentialsKey.Key keyWithTheIdOf(CredentialsKey.Key key) {
        while (true) {
            var other = CredentialsKey.Key.of(randomKey());
            if (other.id() == key.id() && !other.secret().equals(key.secret())) {
                return other;
            }
        }
    }

    @Test
    void withoutAKeyNothingIsSealed() {
        var keyless = new CredentialsCipher(new CredentialsKey(null, List.of()));

        assertThatThrownBy(() -> keyless.seal(SECRET, "telegram", "k"))
                .isInstanceOf(CredentialsKey.KeyMissing.class)
                .hasMessageContaining("HEARD_CREDENTIALS_KEY");
    }

    private static byte[] randomKey() {
        var key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
