package org.heard.triage.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
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
 * Customers kept informed: an honest away reply when the team is closed, a "still on it" update when
 * the wait grows long, and a public figure for how quickly the team typically answers.
 */
@IntegrationTest
class KeepingInformedIntegrationTests {

    static final Map<String, Object> ROUND_THE_CLOCK = Map.of(
            "zone", "UTC",
            "weekly",
                    Map.of(
                            "MONDAY",
                            List.of("00:00-24:00"),
                            "TUESDAY",
                            List.of("00:00-24:00"),
                            "WEDNESDAY",
                            List.of("00:00-24:00"),
                            "THURSDAY",
                            List.of("00:00-24:00"),
                            "FRIDAY",
                            List.of("00:00-24:00"),
                            "SATURDAY",
                            List.of("00:00-24:00"),
                            "SUNDAY",
                            List.of("00:00-24:00")),
            "days", List.of());

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
    WaitUpdateSender waitUpdates;

    @Autowired
    ResponseTimes responseTimes;

    TriageScene scene;
    HeardClient supervisor;
    JsonNode savedWaitUpdates;

    @BeforeEach
    void setUp() {
        scene = new TriageScene(port, jdbc, triage, serviceLevels, transactions);
        supervisor = new HeardClient(port).asAdmin();
        savedWaitUpdates = supervisor.get("/api/triage/hours/wait-updates").json();
    }

    @AfterEach
    void putBack() {
        clock.reset();
        assertThat(HoursRequests.send(supervisor, "PUT", "/api/triage/hours", ROUND_THE_CLOCK)
                        .status())
                .isEqualTo(200);
        HoursRequests.send(supervisor, "PUT", "/api/triage/hours/wait-updates", savedWaitUpdates);
        responseTimes.refresh();
    }

    @Test
    void aCustomerWritingWhileTheTeamIsClosedHearsOnceWhenItIsBackInTheirConversationsVisibility() {
        closedFromYesterdayToTomorrow();
        var ana = TriageScene.person();
        var first = scene.writes(ana, "Is anyone there? My parcel is lost", true);
        scene.triaged(first, null);

        // The pipeline sends the away reply once the customer's message has committed, on its own thread.
        var replies = await().atMost(TriageScene.PATIENCE)
                .until(() -> scene.automatedReplies(first.conversationId()), sent -> !sent.isEmpty());
        assertThat(replies).hasSize(1);
        assertThat(replies.getFirst())
                .startsWith("PRIVATE: Automatic reply: thanks for your message. We're closed now and back on ")
                .contains(" at 09:00 (UTC)");

        scene.triaged(scene.writes(ana, "Hello?", true), null);
        var publicPost = scene.writes(ana, "@heardbrand still nobody answering", false);
        scene.triaged(publicPost, null);
        assertThat(scene.automatedReplies(first.conversationId())).hasSize(1);
        assertThat(scene.automatedReplies(publicPost.conversationId()))
                .as("one away reply per person per closed period, whichever conversation")
                .isEmpty();

        var ben = scene.writes(TriageScene.person(), "@heardbrand your app is down", false);
        scene.triaged(ben, null);
        assertThat(await().atMost(TriageScene.PATIENCE)
                        .until(() -> scene.automatedReplies(ben.conversationId()), sent -> !sent.isEmpty()))
                .singleElement()
                .asString()
                .startsWith("PUBLIC: Automatic reply: we're closed now and back on ")
                .endsWith("at 09:00 (UTC). We'll answer you then.");
    }

    @Test
    void noAwayReplyWhileTheTeamIsOpen() {
        var written = scene.writes(TriageScene.person(), "Quick question about my bill", true);
        scene.triaged(written, null);
        assertThat(scene.automatedReplies(written.conversationId())).isEmpty();
    }

    @Test
    void aLongWaitGetsOneStillOnItUpdatePerThreshold() {
        var saved = HoursRequests.send(
                supervisor,
                "PUT",
                "/api/triage/hours/wait-updates",
                List.of(Map.of(
                        "after", "10m",
                        "publicText", "Automatic update: still on it (public)",
                        "privateText", "Automatic update: still on it (private)")));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        var written = scene.writes(TriageScene.person(), "My refund has not arrived", true);
        scene.triaged(written, null);
        long id = written.conversationId();

        waitUpdates.sweep();
        assertThat(scene.automatedReplies(id)).isEmpty();

        clock.moveForward(Duration.ofMinutes(11));
        waitUpdates.sweep();
        waitUpdates.sweep();
        clock.moveForward(Duration.ofHours(1));
        waitUpdates.sweep();

        assertThat(scene.automatedReplies(id)).containsExactly("PRIVATE: Automatic update: still on it (private)");
    }

    @Test
    void theTypicalResponseTimeIsTheMedianOfRealFirstResponsesAndHonestWhenThereAreTooFew() {
        for (int i = 0; i < 5; i++) {
            var written = scene.writes(TriageScene.person(), "Question " + i, true);
            var reply = supervisor.post(
                    "/api/conversations/" + written.conversationId() + "/replies",
                    Map.of("text", "Answer " + i, "visibility", "private"));
            assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        }
        responseTimes.refresh();
        var anyone = new HeardClient(port);

        var badge = anyone.get("/p/response-time").json();
        assertThat(badge.get("responses").asInt()).isGreaterThanOrEqualTo(5);
        assertThat(badge.get("typicalMinutes").asInt()).isPositive();
        assertThat(badge.get("text").asString()).startsWith("Typically replies within ");
        assertThat(badge.get("open").asBoolean()).isTrue();
        assertThat(badge.get("hours")).hasSize(7);
        var text = anyone.get("/p/response-time.txt");
        assertThat(text.contentType()).startsWith("text/plain");
        assertThat(text.body()).startsWith("Typically replies within ").endsWith("Open now.");

        clock.moveForward(Duration.ofDays(30));
        responseTimes.refresh();
        var honest = anyone.get("/p/response-time").json();
        assertThat(honest.get("typicalMinutes").isNull()).isTrue();
        assertThat(honest.get("text").asString()).startsWith("Too few replies this week");
    }

    @Test
    void badHoursAndPoliciesAreRefusedWithWordsASupervisorCanActOn() {
        var zone = HoursRequests.send(supervisor, "PUT", "/api/triage/hours", Map.of("zone", "Europe/Londn"));
        assertThat(zone.status()).isEqualTo(400);
        assertThat(zone.json().get("detail").asString()).contains("\"Europe/Londn\" is not a time zone");

        var overlap = HoursRequests.send(
                supervisor,
                "PUT",
                "/api/triage/hours",
                Map.of("zone", "Europe/London", "weekly", Map.of("MONDAY", List.of("09:00-13:00", "12:00-17:00"))));
        assertThat(overlap.status()).isEqualTo(400);
        assertThat(overlap.json().get("detail").asString()).contains("09:00-13:00 and 12:00-17:00 overlap");

        var negative = HoursRequests.send(
                supervisor,
                "POST",
                "/api/triage/service-levels",
                Map.of(
                        "name",
                        "Billing",
                        "scope",
                        "CHANNEL",
                        "scopeValue",
                        "sandbox",
                        "firstResponse",
                        "-PT1H",
                        "nextResponse",
                        "2h"));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().get("detail").asString()).contains("firstResponse must be a positive duration");

        var agentEmail = TriageScene.person() + "@heard.test";
        supervisor.post(
                "/api/admin/users",
                Map.of("email", agentEmail, "name", "Agent Ada", "password", "a-long-agent-password", "role", "AGENT"));
        var agent = new HeardClient(port).signIn(agentEmail, "a-long-agent-password");
        assertThat(agent.get("/api/triage/hours").status()).isEqualTo(200);
        assertThat(HoursRequests.send(agent, "PUT", "/api/triage/hours", ROUND_THE_CLOCK)
                        .status())
                .isEqualTo(403);
        assertThat(agent.get("/api/triage/alerts").status()).isEqualTo(403);
    }

    private void closedFromYesterdayToTomorrow() {
        var today = LocalDate.now(ZoneOffset.UTC);
        var nineToFive = List.of("09:00-17:00");
        var weekly = new java.util.HashMap<String, Object>();
        for (var day : java.time.DayOfWeek.values()) {
            weekly.put(day.name(), nineToFive);
        }
        var closed = HoursRequests.send(
                supervisor,
                "PUT",
                "/api/triage/hours",
                Map.of(
                        "zone",
                        "UTC",
                        "weekly",
                        weekly,
                        "days",
                        List.of(
                                Map.of("date", today.minusDays(1).toString(), "name", "Stocktake"),
                                Map.of("date", today.toString(), "name", "Stocktake"),
                                Map.of("date", today.plusDays(1).toString(), "name", "Stocktake"))));
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
    }
}
