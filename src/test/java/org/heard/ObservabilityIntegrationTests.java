package org.heard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What an ops team scrapes and probes. */
@IntegrationTest
class ObservabilityIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void prometheusShowsIngestBacklogLagOutboxAndLiveClients() {
        var heard = new HeardClient(port);
        var id = UUID.randomUUID().toString();
        assertThat(heard.signedSandboxWebhook(SandboxPayloads.post(id, "a-" + id, "metrics"))
                        .status())
                .isEqualTo(200);
        heard.sandboxWebhook(SandboxPayloads.post(id + "x", "a-" + id, "forged"), "sha256=00");

        var metrics = heard.get("/actuator/prometheus").body();

        assertThat(metrics)
                .containsPattern("heard_webhooks_received_total\\{channel=\"sandbox\".*\\} [1-9]")
                .containsPattern("heard_webhooks_refused_total\\{.*reason=\"signature\".*\\} [1-9]")
                .contains("heard_inbound_backlog ")
                .contains("heard_inbound_lag_seconds ")
                .contains("heard_outbox_depth ")
                .contains("heard_live_clients{");
    }

    @Test
    void livenessAndReadinessProbesAnswerWithoutSignIn() {
        var heard = new HeardClient(port);

        assertThat(heard.get("/actuator/health/liveness").body()).contains("\"status\":\"UP\"");
        assertThat(heard.get("/actuator/health/readiness").body()).contains("\"status\":\"UP\"");
    }

    @Test
    void theLogLineAboutSendingAReplyCarriesTheCorrelationIdOfTheWebhookThatBroughtTheCustomersMessage() {
        var sending = new ListAppender<ILoggingEvent>();
        sending.start();
        var dispatcher = (Logger) LoggerFactory.getLogger("org.heard.channels.internal.Dispatcher");
        dispatcher.addAppender(sending);
        try {
            var heard = new HeardClient(port).asAdmin();
            var handle = "o" + UUID.randomUUID().toString().substring(0, 8);
            // The sandbox network delivers the post to Heard as a signed webhook, event id post-<its id>.
            var posted = new HeardClient(port)
                    .post("/api/sandbox/posts", Map.of("author", handle, "text", "@heardbrand where is my parcel?"));
            assertThat(posted.status()).as(posted.body()).isEqualTo(201);
            var id = posted.json().get("id").asString();
            long conversation = heard.conversationOf(handle);

            var reply = heard.post(
                    "/api/conversations/" + conversation + "/replies",
                    Map.of("text", "Sorry, checking it now.", "visibility", "public"));
            long replyId = reply.json().get("id").asLong();

            var sent = "Reply " + replyId + " sent";
            var line = await().atMost(Duration.ofSeconds(20))
                    .until(
                            () -> lines(sending).stream()
                                    .filter(e -> e.getFormattedMessage().startsWith(sent))
                                    .findFirst(),
                            Optional::isPresent)
                    .orElseThrow();
            assertThat(line.getMDCPropertyMap())
                    .containsEntry("correlationId", "sandbox:post-" + id)
                    .containsEntry("idempotencyKey", "heard-message-" + replyId);
        } finally {
            dispatcher.detachAppender(sending);
        }
    }

    /** What the appender caught so far; the sending thread appends while the test reads. */
    private static List<ILoggingEvent> lines(ListAppender<ILoggingEvent> appender) {
        synchronized (appender) {
            return List.copyOf(appender.list);
        }
    }
}
