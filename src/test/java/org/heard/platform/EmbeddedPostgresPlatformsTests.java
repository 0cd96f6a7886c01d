package org.heard.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ./mvnw spring-boot:run} starts the embedded PostgreSQL on whatever machine a newcomer has: the binaries for
 * each operating system and processor are on the classpath, under the names the embedded PostgreSQL looks them up by
 * ({@code postgres-<os>-<arch>.txz}).
 */
class EmbeddedPostgresPlatformsTests {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"linux-x86_64", "linux-arm_64", "darwin-x86_64", "darwin-arm_64", "windows-x86_64"})
    void theEmbeddedDefaultCarriesPostgreSqlFor(String platform) {
        assertThat(getClass().getResource("/postgres-" + platform + ".txz"))
                .as("PostgreSQL binaries for %s", platform)
                .isNotNull();
    }
}
