package org.heard;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.heard.channels.testnet.TestNetwork;
import org.heard.conversations.TestNetworks;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A test against a whole running Heard on a random port, with real HTTP and real PostgreSQL: the
 * embedded one by default, or the server at 127.0.0.1:5432 when {@code heard.test.database=server}
 * (see {@link TestDatabase}). Every such test shares one application context, and every story in it
 * starts on a {@link CleanSlate}: it never sees another story's data. The test-only networks are part of
 * it, so that no story needs an application of its own for them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "heard.admin.email=" + TestUsers.ADMIN_EMAIL,
            "heard.admin.password=" + TestUsers.ADMIN_PASSWORD,
            "heard.brand.name=" + TestUsers.BRAND_NAME,
            "heard.outbox.initial-backoff=200ms",
            "heard.sandbox.redelivery-interval=1s"
        })
@Import({TestNetwork.class, TestNetworks.class})
@ExtendWith({TestDatabase.class, CleanSlate.class})
public @interface IntegrationTest {}
