package org.heard;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every application started by the tests at the database {@link TestDatabase} chose. Registered
 * in the tests' {@code META-INF/spring.factories}, so it never reaches a packaged Heard.
 */
public final class TestDatabaseProperties implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        var schema = "heard_" + TestDatabase.RUN;
        // Each test application gets its own embedded PostgreSQL: two cannot share a data directory.
        Map<String, Object> properties = TestDatabase.server()
                ? Map.of(
                        "spring.datasource.url",
                        "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema,
                        "spring.datasource.username",
                        "postgres",
                        "spring.flyway.schemas",
                        schema,
                        "spring.flyway.default-schema",
                        schema,
                        // An external database needs a configured credentials key; the embedded one makes its own.
                        "heard.channels.credentials-key",
                        "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")
                : Map.of(
                        "heard.data-dir",
                        Path.of("target", "test-data", TestDatabase.RUN + "-" + UUID.randomUUID())
                                .toAbsolutePath()
                                .toString());
        environment.getPropertySources().addFirst(new MapPropertySource("heard-test-database", properties));
    }
}
