package org.heard.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.heard.HeardClient;
import org.heard.IntegrationTest;
import org.heard.SandboxPayloads;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A team that works only real networks switches the demo network off, and it is gone. The only story that needs
 * an application of its own; it is closed afterwards, so its workers do not run beside every later story.
 */
@IntegrationTest
@TestPropertySource(properties = "heard.sandbox.enabled=false")
@DirtiesContext
class SandboxSwitchedOffIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void conversationsFromBeforeStillOpenButTheirRepliesAreRefusedWithAReason() {
        long contact = jdbc.sql("insert into contacts (display_name) values ('Old Customer') returning id")
                .query(Long.class)
                .single();
        long identity = jdbc.sql(
                        "insert into channel_identities (contact_id, channel, external_id, handle, display_name)"
                                + " values (?, 'sandbox', ?, 'old', 'Old Customer') returning id")
                .params(contact, "old-" + contact)
                .query(Long.class)
                .single();
        long conversation = jdbc.sql(
                        "insert into conversations (channel, account, contact_id, identity_id, visibility, status,"
                                + " created_at, last_message_at) values ('sandbox', 'heardbrand', ?, ?, 'PUBLIC',"
                                + " 'NEW', now(), now()) returning id")
                .params(contact, identity)
                .query(Long.class)
                .single();
        var agent = new HeardClient(port).asAdmin();

        assertThat(agent.get("/api/conversations/" + conversation).status()).isEqualTo(200);
        var reply = agent.post("/api/conversations/" + conversation + "/replies", Map.of("text", "Hello again"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("detail").asString()).contains("not connected to sandbox");
    }

    @Test
    void noSandboxWebhookApiOrPageRemainsAndTheInboxStillWorks() {
        var anyone = new HeardClient(port);
        var agent = new HeardClient(port).asAdmin();

        assertThat(anyone.signedSandboxWebhook(SandboxPayloads.post("1", "2", "hello"))
                        .status())
                .isEqualTo(404);
        assertThat(anyone.post("/api/sandbox/posts", Map.of("author", "maria_g", "text", "hi"))
                        .status())
                .isEqualTo(404);
        assertThat(anyone.get("/sandbox").status()).isEqualTo(404);
        assertThat(agent.get("/api/conversations").status()).isEqualTo(200);
        assertThat(anyone.get("/login").body()).doesNotContain("href=\"/sandbox\"");
    }
}
