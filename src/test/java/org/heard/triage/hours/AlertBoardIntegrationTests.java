package org.heard.triage.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.heard.HeardClient;
import org.heard.IntegrationTest;
import org.heard.MovableClock;
import org.heard.conversations.ConversationTriage;
import org.heard.triage.pipeline.ServiceLevels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The alert board through the API: waiting customers close to or past a target, grouped by queue, each supervisor's
 * mutes their own, and a customer taken off the board by the reply that stops their clock.
 */
@IntegrationTest
class AlertBoardIntegrationTests {

    static final String QUEUE = "sla-board";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConversationTriage triage;

    @Autowired
    ServiceLevels serviceLevels;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MovableClock clock;

    @Autowired
    ServiceLevelWatcher watcher;

    TriageScene scene;
    HeardClient admin;

    @BeforeEach
    void setUp() {
        scene = new TriageScene(port, jdbc, triage, serviceLevels, transactions);
        admin = new HeardClient(port).asAdmin();
        scene.queue(QUEUE);
        scene.routeTo(QUEUE);
        var policy = HoursRequests.send(
                admin,
                "POST",
                "/api/triage/service-levels",
                Map.of(
                        "name", "Board",
                        "scope", "QUEUE",
                        "scopeValue", QUEUE,
                        "firstResponse", "10m",
                        "nextResponse", "20m",
                        "businessHours", false,
                        "warnAtPercent", 50));
        assertThat(policy.status()).as(policy.body()).isEqualTo(201);
    }

    @AfterEach
    void tearDown() {
        clock.reset();
        scene.stopRouting();
    }

    @Test
    void customersCloseToTheTargetAndPastItAreOnTheBoardByQueueUntilAReplyTakesThemOff() {
        var answered = scene.writes(TriageScene.person(), "@heardbrand my parcel is lost", false);
        var waiting = scene.writes(TriageScene.person(), "@heardbrand where is my refund?", false);
        clock.moveForward(Duration.ofMinutes(6));
        sweepUntil(board -> board.get("close").asInt() == 2);

        var board = admin.get("/api/triage/alerts/board").json();
        assertThat(board.get("missed").asInt()).isZero();
        assertThat(board.get("summary").asString()).isEqualTo("2 close");
        var queue = board.get("queues").get(0);
        assertThat(queue.get("key").asString()).isEqualTo(QUEUE);
        assertThat(queue.get("counts").asString()).isEqualTo("2 close to first response");
        var first = queue.get("alerts").get(0);
        assertThat(first.get("conversationId").asLong()).isEqualTo(answered.conversationId());
        assertThat(first.get("missed").asBoolean()).isFalse();
        assertThat(first.get("when").asString()).isEqualTo("First response due in 3 min");
        assertThat(first.get("customer").asString()).startsWith("sla");
        assertThat(first.get("link").asString()).isEqualTo("/inbox/" + answered.conversationId());

        var sent = admin.post(
                "/api/conversations/" + answered.conversationId() + "/replies",
                Map.of("text", "So sorry, we are on it. Ben", "visibility", "public"));
        assertThat(sent.status()).as(sent.body()).isBetween(200, 201);
        sweepUntil(now -> now.get("close").asInt() == 1);

        clock.moveForward(Duration.ofMinutes(5));
        sweepUntil(now -> now.get("missed").asInt() == 1);
        var missed = admin.get("/api/triage/alerts/board").json();
        assertThat(missed.get("close").asInt()).isZero();
        assertThat(missed.get("summary").asString()).isEqualTo("1 missed");
        var alert = missed.get("queues").get(0).get("alerts").get(0);
        assertThat(alert.get("conversationId").asLong()).isEqualTo(waiting.conversationId());
        assertThat(alert.get("when").asString()).isEqualTo("First response 1 min overdue");
    }

    @Test
    void aSupervisorMutesAQueueForTheirShiftAndAColleagueStillSeesIt() {
        scene.writes(TriageScene.person(), "@heardbrand my parcel is lost", false);
        clock.moveForward(Duration.ofMinutes(11));
        sweepUntil(board -> board.get("missed").asInt() == 1);
        var colleague = supervisor("Sol Supervisor");

        var before = clock.instant();
        var muted = admin.put("/api/triage/alerts/mutes/" + QUEUE, Map.of());

        assertThat(muted.status()).as(muted.body()).isEqualTo(200);
        assertThat(Instant.parse(muted.json().get("until").asString()))
                .isBetween(before.plus(Duration.ofHours(8)), clock.instant().plus(Duration.ofHours(8)));
        var mine = admin.get("/api/triage/alerts/board").json();
        assertThat(mine.get("missed").asInt()).isZero();
        assertThat(mine.get("summary").asString()).isEqualTo("On time");
        assertThat(mine.get("queues").get(0).get("mutedUntil").isNull()).isFalse();
        assertThat(colleague
                        .get("/api/triage/alerts/board")
                        .json()
                        .get("missed")
                        .asInt())
                .isEqualTo(1);

        clock.moveForward(Duration.ofHours(8).plusMinutes(1));
        assertThat(admin.get("/api/triage/alerts/board").json().get("missed").asInt())
                .as("the mute ends with the shift")
                .isEqualTo(1);

        admin.put("/api/triage/alerts/mutes/" + QUEUE, Map.of());
        assertThat(admin.delete("/api/triage/alerts/mutes/" + QUEUE).status()).isEqualTo(204);
        assertThat(admin.get("/api/triage/alerts/board").json().get("missed").asInt())
                .isEqualTo(1);
    }

    @Test
    void mutingAQueueThatDoesNotExistIsRefusedAndAgentsHaveNoBoard() {
        var refused = admin.put("/api/triage/alerts/mutes/no-such-queue", Map.of());
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).isEqualTo("There is no queue no-such-queue to mute.");

        var agent = person("Ava Agent", "AGENT");
        assertThat(agent.get("/api/triage/alerts/board").status()).isEqualTo(403);
    }

    private void sweepUntil(java.util.function.Predicate<JsonNode> seen) {
        await().atMost(TriageScene.PATIENCE).untilAsserted(() -> {
            watcher.sweep();
            var board = admin.get("/api/triage/alerts/board").json();
            assertThat(seen.test(board)).as(board.toString()).isTrue();
        });
    }

    private HeardClient supervisor(String name) {
        return person(name, "SUPERVISOR");
    }

    private HeardClient person(String name, String role) {
        return new HeardClient(port).signIn(admin.addColleague(name, role, "a-long-password-1"), "a-long-password-1");
    }
}
