package org.heard.channels.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsKeyTests {

    private static final String CONFIGURED = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    @TempDir
    Path dataDir;

    @Test
    void theEmbeddedDatabaseGetsAKeyFileOnlyItsOwnerCanReadAndKeepsIt() throws Exception {
        var first = new CredentialsKey("", "", "", dataDir);
        var file = dataDir.resolve(CredentialsKey.FILE);

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        var again = new CredentialsKey("", "", "", dataDir);
        assertThat(again.current().secret()).isEqualTo(first.current().secret());
    }

    @Test
    void aConfiguredKeyWinsAndNoFileIsWritten() {
        var key = new CredentialsKey(CONFIGURED, "", "", dataDir);

        assertThat(key.current().secret().getEncoded()).hasSize(32);
        assertThat(dataDir.resolve(CredentialsKey.FILE)).doesNotExist();
    }

    @Test
    void anExternalDatabaseWithoutAConfiguredKeyRefusesToSeal() {
        var key = new CredentialsKey("", "", "jdbc:postgresql://db.example/heard", dataDir);

        assertThatThrownBy(key::current)
                .isInstanceOf(CredentialsKey.KeyMissing.class)
                .hasMessageContaining("HEARD_CREDENTIALS_KEY");
        assertThat(dataDir.resolve(CredentialsKey.FILE)).doesNotExist();
    }

    @Test
    void aKeyOfTheWrongLengthStopsHeardWithHowToMakeOne() {
        assertThatThrownBy(() -> new CredentialsKey("c2hvcnQ=", "", "", dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("openssl rand -base64 32");
    }
}
