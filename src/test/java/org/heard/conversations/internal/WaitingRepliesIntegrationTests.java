package org.heard.conversations.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.heard.IntegrationTest;
import org.heard.MovableClock;
import org.heard.conversations.HeldReplies;
import org.heard.platform.Refused;
import org.heard.replies.ReplyFixtures;
import org.heard.replies.ReplyFixtures.Person;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hook for replies that wait: a held reply stays out of the outbox until released, goes out once in the
 * words it was released with, can be sent back or withdrawn instead; a scheduled one goes out when due and
 * not before, and approval before or after its time keeps or sends it.
 */
@IntegrationTest
class WaitingRepliesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    HeldReplies held;

    @Autowired
    ScheduledReplies scheduled;

    @Autowired
    MovableClock clock;

    @Autowired
    Clock appClock;

    @Autowired
    JdbcClient jdbc;

    ReplyFixtures fixtures;
    Person agent;
    long conversation;
    String tag;

    @BeforeEach
    void aCustomerWritesAndAnAgentWhoseRepliesWaitIsOnIt() {
        fixtures = new ReplyFixtures(port);
        tag = ReplyFixtures.unique();
        agent = fixtures.person("AGENT", "Nia " + tag);
        fixtures.ruleFor(agent.id(), "New starters " + tag);
        conversation = fixtures.customerPosts("w" + tag, "@heardbrand my router blinks red " + tag);
    }

    @AfterEach
    void cleanUp() {
        fixtures.removeRules();
        clock.reset();
    }

    @Test
    void aHeldReplyStaysOutOfTheOutboxAndGoesOutOnceWhenReleased() {
        var text = "Try switching it off and on, please. " + tag;
        var reply = agent.reply(conversation, text);
        long id = reply.get("id").asLong();

        assertThat(reply.get("deliveryState").asString()).isEqualTo("HELD");
        assertThat(reply.get("note").asString()).isEqualTo("Waits for approval: New starters " + tag);
        assertThat(inOutbox(id)).isZero();

        held.release(id, null);

        fixtures.awaitOnceOnTimeline(text);
        assertThat(inOutbox(id)).isEqualTo(1);
        assertThatThrownBy(() -> held.release(id, null))
                .isInstanceOf(Refused.class)
                .hasMessageContaining("not waiting any more");
        await().atMost(ReplyFixtures.PATIENCE)
                .until(() -> fixtures.message(conversation, id)
                        .get("deliveryState")
                        .asString()
                        .equals("SENT"));
        assertThat(fixtures.onTimeline(text)).hasSize(1);
    }

    @Test
    void theApproversEditIsWhatGoesOut() {
        var written = "We will refund you tomorrow for sure " + tag;
        long id = agent.reply(conversation, written).get("id").asLong();

        held.release(id, "  We are looking into a refund and will tell you today. " + tag + "  ");

        fixtures.awaitOnceOnTimeline("We are looking into a refund and will tell you today. " + tag);
        assertThat(fixtures.onTimeline(written)).isEmpty();
        assertThat(fixtures.message(conversation, id).get("text").asString())
                .isEqualTo("We are looking into a refund and will tell you today. " + tag);
    }

    @Test
    void aReplySentBackIsNotSentAndSaysWhoSentItBackAndWhy() {
        long id = agent.reply(conversation, "It is your fault " + tag).get("id").asLong();
        var supervisor = fixtures.person("SUPERVISOR", "Sam " + tag);

        held.sendBack(id, supervisor.id(), "  Never blame the customer.  ");

        var message = fixtures.message(conversation, id);
        assertThat(message.get("deliveryState").asString()).isEqualTo("RETURNED");
        assertThat(message.get("note").asString()).isEqualTo("Never blame the customer.");
        assertThat(message.get("returnedBy").asString()).isEqualTo(supervisor.name());
        assertThat(inOutbox(id)).isZero();
        assertThatThrownBy(() -> held.release(id, null)).isInstanceOf(Refused.class);
        assertThatThrownBy(() -> held.sendBack(id, agent.id(), "again")).isInstanceOf(Refused.class);
    }

    @Test
    void aWithdrawnReplyIsNeverSentAndTheTrailSaysWhoWithdrewIt() {
        long id = agent.reply(conversation, "Oops, wrong customer " + tag)
                .get("id")
                .asLong();

        held.cancel(id, agent.id());

        assertThat(fixtures.message(conversation, id).get("deliveryState").asString())
                .isEqualTo("CANCELLED");
        assertThat(inOutbox(id)).isZero();
        assertThatThrownBy(() -> held.release(id, null)).isInstanceOf(Refused.class);
        var trail = fixtures.admin()
                .get("/api/replies/approvals/decisions?messageId=" + id)
                .json();
        assertThat(trail).hasSize(1);
        assertThat(trail.get(0).get("decision").asString()).isEqualTo("WITHDRAWN");
        assertThat(trail.get(0).get("actorName").asString()).isEqualTo(agent.name());
    }

    @Test
    void aScheduledReplyGoesOutWhenItsTimeComesAndNotBefore() {
        var text = "Good morning! Your engineer is on the way. " + tag;
        var sendAt = appClock.instant().plus(Duration.ofHours(1));
        var reply = fixtures.admin()
                .post(
                        "/api/conversations/" + conversation + "/replies",
                        Map.of("text", text, "visibility", "public", "sendAt", sendAt.toString()));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        long id = reply.json().get("id").asLong();
        assertThat(reply.json().get("deliveryState").asString()).isEqualTo("SCHEDULED");

        scheduled.sendDue();
        assertThat(inOutbox(id)).isZero();
        assertThat(fixtures.message(conversation, id).get("deliveryState").asString())
                .isEqualTo("SCHEDULED");

        clock.moveForward(Duration.ofHours(2));
        await().atMost(ReplyFixtures.PATIENCE).until(() -> {
            scheduled.sendDue();
            return inOutbox(id) == 1;
        });
        fixtures.awaitOnceOnTimeline(text);
    }

    @Test
    void aScheduledReplyThatCannotGoOutAtItsTimeGoesBackToItsAuthorWithTheReasonAndIsNeverSent() {
        var text = "Your refund is on its way. " + tag;
        var sendAt = appClock.instant().plus(Duration.ofHours(1));
        var reply = fixtures.admin()
                .post(
                        "/api/conversations/" + conversation + "/replies",
                        Map.of("text", text, "visibility", "public", "sendAt", sendAt.toString()));
        long id = reply.json().get("id").asLong();
        // The account the conversation came in on is disconnected before the reply's time.
        jdbc.sql("update conversations set channel = 'gone' where id = ?")
                .param(conversation)
                .update();
        try {
            clock.moveForward(Duration.ofHours(2));

            scheduled.sendDue();

            var message = fixtures.message(conversation, id);
            assertThat(message.get("deliveryState").asString()).isEqualTo("RETURNED");
            assertThat(message.get("note").asString())
                    .startsWith("Not sent at its time: Heard is not connected to gone any more");
            assertThat(inOutbox(id)).isZero();
            scheduled.sendDue();
            assertThat(inOutbox(id)).isZero();
        } finally {
            jdbc.sql("update conversations set channel = 'sandbox' where id = ?")
                    .param(conversation)
                    .update();
        }
    }

    @Test
    void approvalBeforeItsTimeKeepsAReplyScheduledAndApprovalAfterSendsItAtOnce() {
        var early = "Approved early " + tag;
        var late = "Approved late " + tag;
        var sendAt = appClock.instant().plus(Duration.ofHours(1)).toString();
        long earlyId = agent.reply(conversation, Map.of("text", early, "sendAt", sendAt))
                .get("id")
                .asLong();
        long lateId = agent.reply(conversation, Map.of("text", late, "sendAt", sendAt))
                .get("id")
                .asLong();
        assertThat(fixtures.message(conversation, earlyId).get("deliveryState").asString())
                .isEqualTo("HELD");

        held.release(earlyId, null);
        assertThat(fixtures.message(conversation, earlyId).get("deliveryState").asString())
                .isEqualTo("SCHEDULED");
        assertThat(inOutbox(earlyId)).isZero();

        clock.moveForward(Duration.ofHours(2));
        held.release(lateId, null);
        assertThat(inOutbox(lateId)).isEqualTo(1);
        fixtures.awaitOnceOnTimeline(late);
    }

    private int inOutbox(long messageId) {
        return jdbc.sql("select count(*) from outbox where message_id = ?")
                .param(messageId)
                .query(Integer.class)
                .single();
    }
}
