package org.heard.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.heard.HeardClient;
import org.heard.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** How Heard reads a message, through the API, and the brand terms supervisors teach it. */
@IntegrationTest
@Tag("persistence")
class TriageAnalyseIntegrationTests {

    private static final String PASSWORD = "a-long-enough-password";

    @LocalServerPort
    int port;

    HeardClient admin;

    @BeforeEach
    void connect() {
        admin = new HeardClient(port).asAdmin();
    }

    @Test
    void anAgentSeesHowHeardReadsAMessage() {
        var agent = person("AGENT");

        var response = agent.post(
                "/api/triage/analyse", Map.of("text", "You charged me twice this month and nobody answers!!! 😡"));

        assertThat(response.status()).isEqualTo(200);
        var analysis = response.json();
        assertThat(analysis.get("sentiment").asString()).isEqualTo("NEGATIVE");
        assertThat(analysis.get("score").asDouble()).isLessThan(-0.05);
        assertThat(analysis.get("complaint").asBoolean()).isTrue();
        assertThat(analysis.get("urgency").asString()).isEqualTo("HIGH");
        assertThat(analysis.get("signals").toString()).contains("charged-twice");
        assertThat(analysis.get("language").asString()).isEqualTo("en");
    }

    @Test
    void aMissingOrHugeTextIsRefusedWithAReasonAndStrangersAreNotLetIn() {
        var missing = admin.post("/api/triage/analyse", Map.of());
        var huge = admin.post("/api/triage/analyse", Map.of("text", "x".repeat(100_001)));
        var anonymous = new HeardClient(port).get("/api/triage/terms");

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.contentType()).contains("application/problem+json");
        assertThat(missing.json().get("detail").asString()).contains("text");
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.json().get("detail").asString()).contains("100000");
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void aSupervisorsTermChangesTheNextReadingAndRaisesItsSignal() {
        var supervisor = person("SUPERVISOR");
        String term = "gorplink " + UUID.randomUUID().toString().substring(0, 6);
        String text = "the " + term + " in my room again";
        var before =
                supervisor.post("/api/triage/analyse", Map.of("text", text)).json();

        var put = put(supervisor, term, Map.of("valence", -3, "signal", "outage"));
        var after = supervisor.post("/api/triage/analyse", Map.of("text", text)).json();

        assertThat(put.status()).isEqualTo(200);
        assertThat(before.get("sentiment").asString()).isEqualTo("NEUTRAL");
        assertThat(after.get("sentiment").asString()).isEqualTo("NEGATIVE");
        assertThat(after.get("signals").toString()).contains("outage");
        assertThat(after.get("urgency").asString()).isEqualTo("HIGH");
        assertThat(termsListed(supervisor)).anySatisfy(listed -> {
            assertThat(listed.get("term").asString()).isEqualTo(term);
            assertThat(listed.get("valence").asDouble()).isEqualTo(-3);
        });

        assertThat(delete(supervisor, term).status()).isEqualTo(204);
        var forgotten =
                supervisor.post("/api/triage/analyse", Map.of("text", text)).json();
        assertThat(forgotten.get("sentiment").asString()).isEqualTo("NEUTRAL");
        assertThat(delete(supervisor, term).status()).isEqualTo(404);
    }

    @Test
    void anAgentMayReadTermsButNotWriteThem() {
        var agent = person("AGENT");

        var refused = put(agent, "delayed", Map.of("valence", -2));
        var removal = delete(agent, "delayed");

        assertThat(agent.get("/api/triage/terms").status()).isEqualTo(200);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(removal.status()).isEqualTo(403);
    }

    @Test
    void anInvalidTermIsRefusedWithASentenceToActOn() {
        var tooLong = put(admin, "x".repeat(101), Map.of("valence", 1));
        var blank = put(admin, "   ", Map.of("valence", 1));
        var tooStrong = put(admin, "meltdown", Map.of("valence", 5));
        var unknownSignal = put(admin, "meltdown", Map.of("valence", -2, "signal", "panic"));
        var noValence = put(admin, "meltdown", Map.of("signal", "outage"));

        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("detail").asString()).contains("at most 100 characters");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().get("detail").asString()).contains("empty");
        assertThat(tooStrong.status()).isEqualTo(400);
        assertThat(tooStrong.json().get("detail").asString()).contains("-4", "4");
        assertThat(unknownSignal.status()).isEqualTo(400);
        assertThat(unknownSignal.json().get("detail").asString()).contains("panic", "outage", "charged-twice");
        assertThat(noValence.status()).isEqualTo(400);
        assertThat(noValence.json().get("detail").asString()).contains("valence");
    }

    private HeardClient person(String role) {
        var email = role.toLowerCase() + "-" + UUID.randomUUID() + "@example.com";
        var created = admin.post(
                "/api/admin/users", Map.of("email", email, "name", "Tess " + role, "password", PASSWORD, "role", role));
        assertThat(created.status()).isEqualTo(201);
        return new HeardClient(port).signIn(email, PASSWORD);
    }

    private static HeardClient.Response put(HeardClient client, String term, Map<String, Object> body) {
        String json = body.entrySet().stream()
                .map(e ->
                        "\"" + e.getKey() + "\":" + (e.getValue() instanceof String s ? "\"" + s + "\"" : e.getValue()))
                .reduce((a, b) -> a + "," + b)
                .map(fields -> "{" + fields + "}")
                .orElse("{}");
        return client.send(client.request(path(term))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static HeardClient.Response delete(HeardClient client, String term) {
        return client.send(client.request(path(term)).DELETE());
    }

    private static String path(String term) {
        return "/api/triage/terms/"
                + URLEncoder.encode(term, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Iterable<JsonNode> termsListed(HeardClient client) {
        return client.get("/api/triage/terms").json();
    }
}
