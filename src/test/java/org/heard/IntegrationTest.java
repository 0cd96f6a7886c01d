package org.heard;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A test against a whole running Heard on a random port, with real HTTP and real PostgreSQL: the
 * embedded one by default, or the server at 127.0.0.1:5432 when {@code heard.test.database=server}
 * (see {@link TestDatabase}). Every such test shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "heard.admin.email=" + TestUsers.ADMIN_EMAIL,
            "heard.admin.password=" + TestUsers.ADMIN_PASSWORD,
            "heard.outbox.initial-backoff=200ms",
            "heard.sandbox.redelivery-interval=1s"
        })
@ExtendWith(TestDatabase.class)
public @interface IntegrationTest {}
