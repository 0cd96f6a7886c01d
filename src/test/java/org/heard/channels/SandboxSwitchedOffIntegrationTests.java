package org.heard.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.heard.HeardClient;
import org.heard.IntegrationTest;
import org.heard.SandboxPayloads;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** A team that works only real networks switches the demo network off, and it is gone. */
@IntegrationTest
@TestPropertySource(properties = "heard.sandbox.enabled=false")
class SandboxSwitchedOffIntegrationTests {

    @LocalServerPort
    int port;

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
