package org.heard.replies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.heard.IntegrationTest;
import org.heard.replies.ReplyFixtures.Person;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Approval rules through the API: which replies they catch, steps that each need their own approver, the
 * author who may never approve their own reply, sending back with a comment, and the audit trail.
 */
@IntegrationTest
class ApprovalsIntegrationTests {

    @LocalServerPort
    int port;

    ReplyFixtures fixtures;
    String tag;
    Person agent;
    Person supervisor;
    long conversation;

    @BeforeEach
    void aTeamAndACustomer() {
        fixtures = new ReplyFixtures(port);
        tag = ReplyFixtures.unique();
        agent = fixtures.person("AGENT", "Ana " + tag);
        supervisor = fixtures.person("SUPERVISOR", "Sam " + tag);
        conversation = fixtures.customerPosts("a" + tag, "@heardbrand I was charged twice " + tag);
    }

    @AfterEach
    void removeRules() {
        fixtures.removeRules();
    }

    @Test
    void aRuleCatchesOnlyRepliesThatMeetAllItsConditions() {
        fixtures.rule(Map.of(
                "name", "Refund promises " + tag,
                "conditions",
                        Map.of(
                                "agents", List.of(agent.id()),
                                "channels", List.of("sandbox"),
                                "publicOnly", true,
                                "terms", List.of("refund")),
                "steps", List.of(Map.of("role", "SUPERVISOR"))));

        var caught = agent.reply(conversation, "Your REFUND is on its way " + tag);
        var privately =
                agent.reply(conversation, Map.of("text", "Your refund, privately " + tag, "visibility", "private"));
        var noTerm = agent.reply(conversation, "Sorry, checking now " + tag);
        var byOther = supervisor.reply(conversation, "Your refund is approved " + tag);

        assertThat(caught.get("deliveryState").asString()).isEqualTo("HELD");
        assertThat(caught.get("note").asString()).isEqualTo("Waits for approval: Refund promises " + tag);
        assertThat(privately.get("deliveryState").asString()).isNotEqualTo("HELD");
        assertThat(noTerm.get("deliveryState").asString()).isNotEqualTo("HELD");
        assertThat(byOther.get("deliveryState").asString()).isNotEqualTo("HELD");
        fixtures.awaitOnceOnTimeline("Sorry, checking now " + tag);
        assertThat(fixtures.onTimeline("Your REFUND is on its way " + tag)).isEmpty();
    }

    @Test
    void twoStepsNeedTwoApproversAndTheTrailKeepsEachDecisionWithTheEdit() {
        fixtures.rule(Map.of(
                "name", "Two pairs of eyes " + tag,
                "conditions", Map.of("agents", List.of(agent.id())),
                "steps", List.of(Map.of("role", "SUPERVISOR"), Map.of("role", "ADMIN"))));
        var written = "We'll refund you tomorrow " + tag;
        var edited = "We're looking into a refund and will tell you today " + tag;
        long id = agent.reply(conversation, written).get("id").asLong();

        var card = waitingFor(supervisor, id);
        assertThat(card.get("authorName").asString()).isEqualTo(agent.name());
        assertThat(card.get("steps")).hasSize(2);
        assertThat(card.get("reply").get("thread").get(0).get("text").asString())
                .isEqualTo("@heardbrand I was charged twice " + tag);

        var first = supervisor.client().post("/api/replies/approvals/" + id + "/approve", Map.of("text", edited));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("status").asString()).isEqualTo("WAITING");
        assertThat(first.json().get("step").asInt()).isEqualTo(1);
        assertThat(fixtures.message(conversation, id).get("deliveryState").asString())
                .isEqualTo("HELD");

        var again = supervisor.client().post("/api/replies/approvals/" + id + "/approve", Map.of());
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("detail").asString()).contains("approved by someone else");

        var last = fixtures.admin().post("/api/replies/approvals/" + id + "/approve", Map.of());
        assertThat(last.status()).as(last.body()).isEqualTo(200);
        assertThat(last.json().get("status").asString()).isEqualTo("APPROVED");
        fixtures.awaitOnceOnTimeline(edited);
        assertThat(fixtures.onTimeline(written)).isEmpty();

        var trail = list(fixtures.admin()
                .get("/api/replies/approvals/decisions?messageId=" + id)
                .json());
        assertThat(trail).hasSize(2);
        var second = trail.get(0);
        var firstDecision = trail.get(1);
        assertThat(firstDecision.get("step").asInt()).isEqualTo(1);
        assertThat(firstDecision.get("decision").asString()).isEqualTo("APPROVED");
        assertThat(firstDecision.get("actorName").asString()).isEqualTo(supervisor.name());
        assertThat(firstDecision.get("textBefore").asString()).isEqualTo(written);
        assertThat(firstDecision.get("textAfter").asString()).isEqualTo(edited);
        assertThat(second.get("step").asInt()).isEqualTo(2);
        assertThat(second.get("actorId").asLong()).isNotEqualTo(supervisor.id());
        assertThat(second.get("textBefore").asString()).isEqualTo(edited);
    }

    @Test
    void nobodyApprovesTheirOwnReply() {
        fixtures.ruleFor(supervisor.id(), "Supervisors too " + tag);
        long id =
                supervisor.reply(conversation, "All fixed now " + tag).get("id").asLong();

        var own = supervisor.client().post("/api/replies/approvals/" + id + "/approve", Map.of());

        assertThat(own.status()).isEqualTo(400);
        assertThat(own.json().get("detail").asString()).isEqualTo("You wrote this reply; someone else approves it.");
        assertThat(ids(supervisor.client().get("/api/replies/approvals").json()))
                .doesNotContain(id);
        var everything =
                list(supervisor.client().get("/api/replies/approvals?all=true").json());
        assertThat(everything.stream()
                        .filter(c -> c.get("request").get("messageId").asLong() == id)
                        .map(c -> c.get("whyNot").asString()))
                .containsExactly("You wrote this reply; someone else approves it.");
        assertThat(fixtures.admin()
                        .post("/api/replies/approvals/" + id + "/approve", Map.of())
                        .status())
                .isEqualTo(200);
        fixtures.awaitOnceOnTimeline("All fixed now " + tag);
    }

    @Test
    void aStepNamingColleaguesIsApprovedByThemOnly() {
        var named = fixtures.person("AGENT", "Bo " + tag);
        fixtures.rule(Map.of(
                "name", "Bo checks " + tag,
                "conditions", Map.of("agents", List.of(agent.id())),
                "steps", List.of(Map.of("approvers", List.of(named.id())))));
        long id = agent.reply(conversation, "Checked with Bo " + tag).get("id").asLong();

        assertThat(supervisor
                        .client()
                        .post("/api/replies/approvals/" + id + "/approve", Map.of())
                        .status())
                .isEqualTo(400);
        assertThat(ids(named.client().get("/api/replies/approvals").json())).contains(id);
        assertThat(named.client()
                        .post("/api/replies/approvals/" + id + "/approve", Map.of())
                        .status())
                .isEqualTo(200);
        fixtures.awaitOnceOnTimeline("Checked with Bo " + tag);
    }

    @Test
    void aReplySentBackWithACommentIsNotSentAndTheAuthorReadsWhy() {
        fixtures.ruleFor(agent.id(), "New starters " + tag);
        long id = agent.reply(conversation, "lol our bad " + tag).get("id").asLong();

        var noComment = supervisor.client().post("/api/replies/approvals/" + id + "/send-back", Map.of());
        assertThat(noComment.status()).isEqualTo(400);
        var back = supervisor
                .client()
                .post("/api/replies/approvals/" + id + "/send-back", Map.of("comment", "Say sorry properly."));
        assertThat(back.status()).as(back.body()).isEqualTo(200);

        var message = fixtures.message(conversation, id);
        assertThat(message.get("deliveryState").asString()).isEqualTo("RETURNED");
        assertThat(message.get("note").asString()).isEqualTo("Say sorry properly.");
        assertThat(message.get("returnedBy").asString()).isEqualTo(supervisor.name());
        var trail = list(fixtures.admin()
                .get("/api/replies/approvals/decisions?messageId=" + id)
                .json());
        assertThat(trail).singleElement().satisfies(d -> {
            assertThat(d.get("decision").asString()).isEqualTo("RETURNED");
            assertThat(d.get("comment").asString()).isEqualTo("Say sorry properly.");
            assertThat(d.get("actorName").asString()).isEqualTo(supervisor.name());
        });
        assertThat(fixtures.onTimeline("lol our bad " + tag)).isEmpty();
    }

    @Test
    void onlySupervisorsWriteRules() {
        var refused = agent.client()
                .post(
                        "/api/replies/approval-rules",
                        Map.of("name", "Mine", "steps", List.of(Map.of("role", "SUPERVISOR"))));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(agent.client().get("/api/replies/approval-rules").status()).isEqualTo(200);
    }

    private JsonNode waitingFor(Person approver, long messageId) {
        return list(approver.client().get("/api/replies/approvals").json()).stream()
                .filter(c -> c.get("request").get("messageId").asLong() == messageId)
                .findFirst()
                .orElseThrow(() -> new AssertionError("Reply " + messageId + " does not wait for " + approver.name()));
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static List<Long> ids(JsonNode cards) {
        return list(cards).stream()
                .map(c -> c.get("request").get("messageId").asLong())
                .toList();
    }
}
