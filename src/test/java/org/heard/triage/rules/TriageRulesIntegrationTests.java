package org.heard.triage.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.heard.HeardClient;
import org.heard.IntegrationTest;
import org.heard.channels.Visibility;
import org.heard.conversations.ConversationFacts;
import org.heard.conversations.ConversationStatus;
import org.heard.conversations.MessageReceived;
import org.heard.triage.Analysis;
import org.heard.triage.Sentiment;
import org.heard.triage.Urgency;
import org.heard.triage.pipeline.RuleBook;
import org.heard.triage.pipeline.TriageSubject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Supervisors' triage rules over real HTTP on a real PostgreSQL: who may change them, and what is kept. */
@IntegrationTest
@Tag("persistence")
class TriageRulesIntegrationTests {

    private static final String PASSWORD = "a-long-enough-password";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    RuleEngine engine;

    /** Rules apply to every message Heard triages; the next test class must not meet these. */
    @org.junit.jupiter.api.AfterEach
    void forgetTheRules() {
        jdbc.sql("delete from triage_rules").update();
        engine.refresh();
    }

    @Autowired
    RuleBook ruleBook;

    HeardClient admin;
    HeardClient supervisor;
    String supervisorName;

    @BeforeEach
    void signIn() {
        admin = new HeardClient(port).asAdmin();
        supervisorName = "Sam Supervisor " + unique();
        supervisor = person("SUPERVISOR", supervisorName);
    }

    @Test
    void aSupervisorCreatesChangesReordersSwitchesOffAndDeletesRulesAndTheAuditTrailSaysWhoDidWhat() {
        var refunds = supervisor.post("/api/triage/rules", rule("Refunds " + unique(), "refund", "billing-help"));
        var outages = supervisor.post("/api/triage/rules", rule("Outages " + unique(), "down", "incident"));
        assertThat(refunds.status()).as(refunds.toString()).isEqualTo(201);
        long first = refunds.json().get("id").asLong();
        long second = outages.json().get("id").asLong();

        var changed = put(supervisor, "/api/triage/rules/" + first, rule("Refunds and money back", "refund", "money"));
        assertThat(changed.json().get("actions").get("tags").get(0).asString()).isEqualTo("money");
        var off = new java.util.HashMap<>(rule("Refunds and money back", "refund", "money"));
        off.put("enabled", false);
        assertThat(put(supervisor, "/api/triage/rules/" + first, off)
                        .json()
                        .get("enabled")
                        .asBoolean())
                .isFalse();

        var order = new ArrayList<Long>();
        supervisor
                .get("/api/triage/rules")
                .json()
                .forEach(r -> order.add(r.get("id").asLong()));
        order.remove(second);
        order.addFirst(second);
        var reordered = supervisor.post("/api/triage/rules/order", order);
        assertThat(reordered.json().get(0).get("id").asLong()).isEqualTo(second);
        assertThat(ids(supervisor.get("/api/triage/rules").json())).containsExactlyElementsOf(order);

        assertThat(delete(supervisor, "/api/triage/rules/" + second).status()).isEqualTo(204);
        assertThat(ids(supervisor.get("/api/triage/rules").json())).doesNotContain(second);

        var trail = supervisor.get("/api/triage/rules/audit?limit=6").json();
        assertThat(List.of(change(trail, 0), change(trail, 1), change(trail, 2), change(trail, 3), change(trail, 4)))
                .containsExactly("DELETED", "REORDERED", "DISABLED", "CHANGED", "CREATED");
        for (int i = 0; i < 5; i++) {
            assertThat(trail.get(i).get("actorName").asString()).isEqualTo(supervisorName);
        }
        var change = trail.get(3);
        assertThat(change.get("before").get("name").asString()).startsWith("Refunds ");
        assertThat(change.get("after").get("name").asString()).isEqualTo("Refunds and money back");
        assertThat(trail.get(0).get("before").get("id").asLong()).isEqualTo(second);
        assertThat(trail.get(0).get("after").isNull()).isTrue();
    }

    @Test
    void anInvalidPatternIsRefusedWhenSavedWithTheReasonAndNothingIsSaved() {
        var before = supervisor.get("/api/triage/rules").json().size();
        var body = Map.of(
                "name", "Order numbers",
                "conditions", Map.of("pattern", "(a"),
                "actions", Map.of("tags", List.of("order")));

        var refused = supervisor.post("/api/triage/rules", body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(refused.json().get("detail").asString())
                .isEqualTo("The pattern `(a` is not valid: missing closing ). Heard uses RE2 syntax"
                        + " (no look-around, no back-references). Fix it and save again.");
        assertThat(supervisor.get("/api/triage/rules").json().size()).isEqualTo(before);
    }

    @Test
    void unknownQueuesAndColleaguesAreRefusedAndPrioritiesMayBeNumbers() {
        var unknownQueue = supervisor.post(
                "/api/triage/rules",
                Map.of(
                        "name",
                        "VIP",
                        "conditions",
                        Map.of("words", List.of("vip")),
                        "actions",
                        Map.of("queue", "vip")));
        var unknownColleague = supervisor.post(
                "/api/triage/rules",
                Map.of(
                        "name",
                        "To Zed",
                        "conditions",
                        Map.of("words", List.of("zed")),
                        "actions",
                        Map.of("assignee", 987654)));
        var numbered = supervisor.post(
                "/api/triage/rules",
                Map.of(
                        "name",
                        "Urgent-ish " + unique(),
                        "conditions",
                        Map.of("urgency", "ELEVATED"),
                        "actions",
                        Map.of("priority", 75, "queue", "general")));

        assertThat(unknownQueue.json().get("detail").asString()).contains("There is no queue `vip`");
        assertThat(unknownColleague.json().get("detail").asString()).contains("Nobody who can sign in has the id");
        assertThat(numbered.status()).as(numbered.toString()).isEqualTo(201);
        assertThat(numbered.json().get("actions").get("priority").asString()).isEqualTo("75");
    }

    @Test
    void anAgentReadsTheRulesButCannotChangeThem() {
        var agent = person("AGENT", "Alex Agent " + unique());
        long id = supervisor
                .post("/api/triage/rules", rule("Agents read this " + unique(), "hello", "greeting"))
                .json()
                .get("id")
                .asLong();

        assertThat(agent.get("/api/triage/rules").status()).isEqualTo(200);
        assertThat(agent.get("/api/triage/rules/audit").status()).isEqualTo(200);
        var created = agent.post("/api/triage/rules", rule("Mine", "x", "y"));
        assertThat(created.status()).isEqualTo(403);
        assertThat(created.contentType()).contains("application/problem+json");
        assertThat(put(agent, "/api/triage/rules/" + id, rule("Mine", "x", "y")).status())
                .isEqualTo(403);
        assertThat(delete(agent, "/api/triage/rules/" + id).status()).isEqualTo(403);
        assertThat(agent.post("/api/triage/rules/order", List.of(id)).status()).isEqualTo(403);
    }

    @Test
    void aRuleIsTriedOnASampleWithoutBeingSaved() {
        var before = supervisor.get("/api/triage/rules").json().size();
        var body = Map.of(
                "rule",
                        Map.of(
                                "name", "Double charges",
                                "conditions", Map.of("signals", List.of("charged-twice"), "visibility", "PUBLIC"),
                                "actions", Map.of("tags", List.of("billing"), "priority", "high")),
                "sample", Map.of("text", "You charged me twice!", "channel", "x", "visibility", "PUBLIC"));

        var tried = supervisor.post("/api/triage/rules/test", body).json();
        var missed = supervisor
                .post(
                        "/api/triage/rules/test",
                        Map.of("rule", body.get("rule"), "sample", Map.of("text", "Thanks, all good", "channel", "x")))
                .json();

        assertThat(tried.get("matches").asBoolean()).isTrue();
        assertThat(tried.get("conditions").get(0).get("condition").asString()).isEqualTo("Message is public");
        assertThat(tried.get("analysis").get("signals").get(0).asString()).isEqualTo("charged-twice");
        assertThat(tried.get("outcome").get("priorityFloor").asInt()).isEqualTo(60);
        assertThat(tried.get("outcome").get("tags").get(0).asString()).isEqualTo("billing");
        assertThat(missed.get("matches").asBoolean()).isFalse();
        assertThat(missed.get("conditions").get(1).get("matched").asBoolean()).isFalse();
        assertThat(supervisor.get("/api/triage/rules").json().size()).isEqualTo(before);
    }

    @Test
    void theRuleBookAppliesASavedRuleToTheVeryNextMessage() {
        var word = "zebra" + UUID.randomUUID().toString().substring(0, 6);
        var name = "Zebras " + unique();
        assertThat(supervisor.post("/api/triage/rules", rule(name, word, "zoo")).status())
                .isEqualTo(201);

        var outcome = ruleBook.apply(subject("Is the " + word + " ok?"));

        assertThat(outcome.fired()).contains(name);
        assertThat(outcome.tags()).contains("zoo");
    }

    private static Map<String, Object> rule(String name, String word, String tag) {
        return Map.of(
                "name", name, "conditions", Map.of("words", List.of(word)), "actions", Map.of("tags", List.of(tag)));
    }

    private HeardClient person(String role, String name) {
        var email = role.toLowerCase() + "-" + UUID.randomUUID() + "@example.com";
        var created = admin.post(
                "/api/admin/users", Map.of("email", email, "name", name, "password", PASSWORD, "role", role));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new HeardClient(port).signIn(email, PASSWORD);
    }

    private static HeardClient.Response put(HeardClient client, String path, Object body) {
        return client.send(client.request(path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))));
    }

    private static HeardClient.Response delete(HeardClient client, String path) {
        return client.send(client.request(path).DELETE());
    }

    private static List<Long> ids(JsonNode rules) {
        var ids = new ArrayList<Long>();
        rules.forEach(rule -> ids.add(rule.get("id").asLong()));
        return ids;
    }

    private static String change(JsonNode trail, int index) {
        return trail.get(index).get("change").asString();
    }

    private static TriageSubject subject(String text) {
        var at = Instant.now();
        return new TriageSubject(
                new MessageReceived(1, 1, 1, "sandbox", Visibility.PUBLIC, text, true, at, at),
                new ConversationFacts(
                        1,
                        "sandbox",
                        Visibility.PUBLIC,
                        ConversationStatus.NEW,
                        1,
                        null,
                        null,
                        null,
                        Set.of(),
                        0,
                        at,
                        null,
                        at,
                        null),
                new Analysis(Sentiment.NEUTRAL, 0, false, Urgency.NONE, List.of(), "en"),
                List.of());
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
