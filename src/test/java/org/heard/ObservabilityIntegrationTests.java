package org.heard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
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
}
