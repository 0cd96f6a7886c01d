package org.heard;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.UUID;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Chooses the PostgreSQL the tests run on. By default each test JVM gets a fresh embedded PostgreSQL
 * under {@code target/}. With {@code -Dheard.test.database=server} the same tests run on the server at
 * 127.0.0.1:5432 (database {@code test}, user {@code postgres}) in a schema of their own; if no
 * server answers there, those tests are reported as not run, with the reason.
 * {@link TestDatabaseProperties} feeds the choice into every test application.
 */
public final class TestDatabase implements ExecutionCondition {

    static final String MODE = System.getProperty("heard.test.database", "embedded");
    static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    static boolean server() {
        return "server".equals(MODE);
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!server()) {
            return ConditionEvaluationResult.enabled("embedded PostgreSQL");
        }
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5432), 1000);
            return ConditionEvaluationResult.enabled("PostgreSQL server at 127.0.0.1:5432");
        } catch (IOException e) {
            return ConditionEvaluationResult.disabled("No PostgreSQL server answers at 127.0.0.1:5432");
        }
    }
}
