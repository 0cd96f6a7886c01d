package org.heard.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.heard.HeardClient;
import org.heard.IntegrationTest;
import org.heard.SandboxPayloads;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Triage end to end: a message arrives through the sandbox network's webhook and lands in the inbox
 * with its priority and the reason for it, in the right queue, with the right agent.
 */
@IntegrationTest
class TriageIntegrationTests {

    @LocalServerPort
    int port;

    HeardClient admin;
    String tag;

    @BeforeEach
    void connect() {
        admin = new HeardClient(port).asAdmin();
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anUrgentComplaintIsAheadOfAThankYouThatCameFirstAndSaysWhy() {
        post("thanks", "Thanks so much, the new app is lovely " + tag);
        awaitRows(1);
        post("charged", "@heardbrand you CHARGED ME TWICE for one order!!! I want a refund now " + tag);

        var rows = awaitRows(2);

        assertThat(rows)
                .extracting(r -> r.get("customerHandle").asString())
                .containsExactly("charged-" + tag, "thanks-" + tag);
        var complaint = rows.get(0);
        assertThat(complaint.get("priority").asInt()).isGreaterThanOrEqualTo(50);
        assertThat(complaint.get("priorityLevel").asString()).isIn("high", "urgent");
        assertThat(complaint.get("priorityReason").asString()).contains("complaint", "charged twice");
        assertThat(rows.get(1).get("priority").asInt()).isLessThan(25);
        assertThat(rows.get(1).get("priorityReason").asString()).isEqualTo("no complaint or urgency seen");
        assertThat(complaint.get("queue").asString()).isEqualTo("general");
    }

    @Test
    void germanMessagesGoToTheGermanQueueAndItsOnlineMemberUntilSheSignsOff() {
        long bea = addAgent("Bea");
        var beaClient = new HeardClient(port).signIn("bea-" + tag + "@example.com", "a-long-enough-password");
        var queue = "deutsch-" + tag;
        assertThat(admin.put(
                                "/api/triage/queues/" + queue,
                                Map.of(
                                        "name",
                                        "Deutsch " + tag,
                                        "languages",
                                        List.of("de"),
                                        "mode",
                                        "PUSH",
                                        "members",
                                        List.of(bea)))
                        .status())
                .isEqualTo(200);
        assertThat(beaClient
                        .put("/api/triage/presence", Map.of("presence", "ONLINE"))
                        .status())
                .isEqualTo(200);

        post("kunde", "Hallo, ich wurde für meine Bestellung zweimal belastet und möchte mein Geld zurück");

        var row = awaitRows(1).getFirst();
        assertThat(row.get("queue").asString()).isEqualTo(queue);
        assertThat(row.get("assigneeId").asLong()).isEqualTo(bea);

        beaClient.put("/api/triage/presence", Map.of("presence", "OFFLINE"));

        var handedBack =
                admin.get("/api/conversations/" + row.get("id").asLong()).json();
        assertThat(handedBack.get("assigneeId").isNull()).isTrue();
        assertThat(handedBack.get("queue").asString()).isEqualTo(queue);
    }

    @Test
    void inAPullQueueAnAgentTakesTheMostImportantConversationFirst() {
        long cam = addAgent("Cam");
        var camClient = new HeardClient(port).signIn("cam-" + tag + "@example.com", "a-long-enough-password");
        var queue = "francais-" + tag;
        admin.put(
                "/api/triage/queues/" + queue,
                Map.of("name", "Français " + tag, "languages", List.of("fr"), "mode", "PULL", "members", List.of(cam)));
        camClient.put("/api/triage/presence", Map.of("presence", "ONLINE"));
        post(
                "question",
                "Bonjour, est-ce que vous livrez aussi le samedi matin dans ma ville ? Je voudrais commander un nouveau"
                        + " téléphone pour ma fille.");
        awaitRows(1);
        post("panne", "Votre service est en panne depuis ce matin 😡😡 rien ne fonctionne et personne ne répond");
        var rows = awaitRows(2);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("queue").asString()).isEqualTo(queue);
            assertThat(r.get("assigneeId").isNull()).isTrue();
        });

        var first = camClient.post("/api/triage/next", Map.of());
        var second = camClient.post("/api/triage/next", Map.of());
        var none = camClient.post("/api/triage/next", Map.of());

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("conversationId").asLong())
                .isEqualTo(rows.get(0).get("id").asLong());
        assertThat(rows.get(0).get("customerHandle").asString()).isEqualTo("panne-" + tag);
        assertThat(second.json().get("conversationId").asLong())
                .isEqualTo(rows.get(1).get("id").asLong());
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.contentType()).contains("application/problem+json");
        assertThat(admin.get("/api/conversations/" + rows.get(0).get("id").asLong())
                        .json()
                        .get("assigneeId")
                        .asLong())
                .isEqualTo(cam);
    }

    @Test
    void aQueueWithABadKeyOrFromAnAgentIsRefusedWithAReason() {
        long dee = addAgent("Dee");
        var agent = new HeardClient(port).signIn("dee-" + tag + "@example.com", "a-long-enough-password");

        var badKey = admin.put("/api/triage/queues/Billing%20Team", Map.of("name", "Billing"));
        var notAllowed = agent.put("/api/triage/queues/billing-" + tag, Map.of("name", "Billing"));
        var badCapacity = admin.put("/api/triage/agents/" + dee, Map.of("capacity", 500));

        assertThat(badKey.status()).isEqualTo(400);
        assertThat(badKey.json().get("detail").asString()).contains("lower-case letters, digits and dashes");
        assertThat(notAllowed.status()).isEqualTo(403);
        assertThat(notAllowed.contentType()).contains("application/problem+json");
        assertThat(badCapacity.status()).isEqualTo(400);
        assertThat(badCapacity.json().get("detail").asString()).contains("between 0 and 200");
    }

    @Test
    void theFairnessReportCountsComplaintsByChannelAndFollowers() {
        post("fair", "@heardbrand my order never arrived and I was charged twice, this is terrible " + tag);
        awaitRows(1);

        var report = admin.get("/api/triage/fairness?from=" + Instant.now().minus(Duration.ofHours(1)) + "&to="
                        + Instant.now().plus(Duration.ofMinutes(1)))
                .json();

        assertThat(report.get("byChannel").get("groups")).anySatisfy(g -> {
            assertThat(g.get("name").asString()).isEqualTo("sandbox");
            assertThat(g.get("complaints").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(g.get("answered").isInt()).isTrue();
            assertThat(g.get("resolved").isInt()).isTrue();
        });
        var gap = report.get("byChannel").get("gap");
        if (!gap.isNull() && !gap.get("enoughAnswers").asBoolean()) {
            assertThat(gap.get("flagged").asBoolean()).isFalse();
            assertThat(gap.get("pValue").isNull()).isTrue();
        }
        assertThat(report.get("byFollowers").get("groups"))
                .anySatisfy(g -> assertThat(g.get("name").asString()).isEqualTo("under 1k"));
        var page = admin.get("/triage/fairness");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("at least 20 answered").contains("Too few answered complaints to compare");
        assertThat(admin.get("/api/triage/fairness?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z")
                        .status())
                .isEqualTo(400);
    }

    /** A customer of this test (their handle ends with its tag) posts publicly. */
    private void post(String who, String text) {
        var body = SandboxPayloads.post(
                who + "-" + tag + "-" + UUID.randomUUID(), "id-" + who + "-" + tag, who + "-" + tag, text, null, false);
        assertThat(admin.signedSandboxWebhook(body).status()).isEqualTo(200);
    }

    private long addAgent(String name) {
        var created = admin.post(
                "/api/admin/users",
                Map.of(
                        "email",
                        name.toLowerCase() + "-" + tag + "@example.com",
                        "name",
                        name + " " + tag,
                        "password",
                        "a-long-enough-password",
                        "role",
                        "AGENT"));
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    /** This test's conversations, in inbox order, once there are this many. */
    private List<JsonNode> awaitRows(int count) {
        return await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> admin.allConversations("status=open").stream()
                                .filter(r -> r.get("customerHandle").asString().endsWith(tag))
                                .toList(),
                        rows -> rows.size() == count);
    }
}
