package org.heard.replies.broadcasts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.heard.HeardClient;
import org.heard.IntegrationTest;
import org.heard.conversations.ConversationTriage;
import org.heard.conversations.ReplyCheck;
import org.heard.conversations.ReplyVerdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Broadcasts end to end on the sandbox network: who they reach, one reply per person in each customer's thread,
 * paced, cancelled, failing per recipient with the reason, carrying on after a restart, and started once however
 * often the start is sent.
 */
@IntegrationTest
class BroadcastsIntegrationTests {

    private static final String CHECK = "broadcastTestCheck";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConversationTriage triage;

    @Autowired
    BroadcastWorker worker;

    @Autowired
    RecipientSender sender;

    @Autowired
    RecipientStore store;

    @Autowired
    DefaultListableBeanFactory beans;

    BroadcastScene scene;

    @BeforeEach
    void scene() {
        scene = new BroadcastScene(port, jdbc, triage);
    }

    @AfterEach
    void putBack() {
        if (!worker.isRunning()) {
            worker.start();
        }
        if (beans.containsSingleton(CHECK)) {
            beans.destroySingleton(CHECK);
        }
    }

    @Test
    void everyTaggedCustomerGetsOneReplyInTheirOwnThread() {
        var tag = BroadcastScene.tag();
        var customers = scene.tagged(tag, 6);
        var text = "Update: the app is back. Sorry for the wait! " + tag;

        // Each recipient is named in their own reply.
        long id = scene.broadcast(Map.of("text", "{{handle}} " + text, "audience", Map.of("tags", List.of(tag))));

        var done = scene.awaitCount(id, RecipientState.SENT, 6);
        assertThat(done.get("broadcast").get("total").asInt()).isEqualTo(6);
        await().atMost(BroadcastScene.PATIENCE)
                .until(() -> scene.progress(id).get("broadcast").get("state").asString(), "FINISHED"::equals);
        for (var customer : customers) {
            var personal = "@" + customer.handle() + " " + text;
            assertThat(scene.brandRepliesTo(customer.postId(), personal))
                    .as("the brand's reply under %s's post", customer.handle())
                    .hasSize(1);
            assertThat(scene.repliesStored(customer.conversationId(), personal)).isEqualTo(1);
        }
        var detail = scene.admin()
                .get("/api/conversations/" + customers.getFirst().conversationId())
                .json();
        assertThat(detail.get("status").asString()).isEqualTo("PENDING");
        assertThat(detail.get("firstResponseAt").isNull()).isFalse();
        assertThat(scene.recipients(id))
                .allSatisfy(r -> assertThat(r.get("messageId").isNull()).isFalse());
    }

    @Test
    void theAudienceIsChosenByTagStatusAndVisibilityWithOneReplyPerPerson() {
        var tag = BroadcastScene.tag();
        var open = scene.tagged(tag, 2);
        var twice = scene.writes(open.getFirst().handle(), "@heardbrand still down for me", false);
        scene.tag(twice, tag);
        var chat = scene.writes(BroadcastScene.handle(), "is it down?", true);
        scene.tag(chat, tag);
        var resolved = scene.tagged(tag, 1).getFirst();
        scene.admin().post("/api/conversations/" + resolved.conversationId() + "/status", Map.of("status", "RESOLVED"));
        scene.writes(BroadcastScene.handle(), "@heardbrand untagged", false);

        var preview = scene.admin()
                .post("/api/replies/broadcasts/preview", Map.of("audience", Map.of("tags", List.of(tag))))
                .json();
        assertThat(preview.get("count").get("conversations").asLong()).isEqualTo(4);
        assertThat(preview.get("count").get("customers").asLong()).isEqualTo(3);
        assertThat(preview.get("sample")).hasSize(4);
        assertThat(preview.get("warnings").toString()).contains("each person gets the update once");
        var publicOnly = scene.admin()
                .post(
                        "/api/replies/broadcasts/preview",
                        Map.of("audience", Map.of("tags", List.of(tag), "visibility", "public", "status", "any")))
                .json();
        assertThat(publicOnly.get("count").get("conversations").asLong()).isEqualTo(4);

        long id = scene.broadcast(Map.of("text", "Fixed now " + tag, "audience", Map.of("tags", List.of(tag))));

        scene.awaitCount(id, RecipientState.SENT, 3);
        var recipients = scene.recipients(id);
        assertThat(recipients)
                .extracting(r -> r.get("conversationId").asLong())
                .containsExactlyInAnyOrder(
                        open.get(0).conversationId(),
                        open.get(1).conversationId(),
                        twice.conversationId(),
                        chat.conversationId());
        var skipped = recipients.stream()
                .filter(r -> r.get("state").asString().equals("SKIPPED"))
                .toList();
        assertThat(skipped).hasSize(1);
        assertThat(skipped.getFirst().get("conversationId").asLong())
                .isEqualTo(open.getFirst().conversationId());
        assertThat(skipped.getFirst().get("reason").asString())
                .isEqualTo("Gets this update once, in conversation #" + twice.conversationId() + ".");
        assertThat(scene.repliesStored(open.getFirst().conversationId(), "Fixed now " + tag))
                .isZero();
        var privateReply = jdbc.sql(
                        "select visibility from messages where conversation_id = ? and direction = 'OUTBOUND'")
                .param(chat.conversationId())
                .query(String.class)
                .single();
        assertThat(privateReply).isEqualTo("PRIVATE");
    }

    @Test
    void aPaceSpreadsTheRepliesEvenly() {
        var tag = BroadcastScene.tag();
        scene.tagged(tag, 20);

        long id = scene.broadcast(
                Map.of("text", "Paced update " + tag, "audience", Map.of("tags", List.of(tag)), "pace", "5/1s"));

        scene.awaitCount(id, RecipientState.SENT, 20);
        var times = jdbc.sql("select handled_at from broadcast_recipients where broadcast_id = ? order by handled_at")
                .param(id)
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .list();
        assertThat(times).hasSize(20);
        // One turn every 200 ms, and a bucket holds one: a worker the machine kept waiting may send its next reply
        // right after a late one, but no run of replies ever goes faster than the pace. Storing a reply moves its
        // time by a few milliseconds either way.
        for (int i = 0; i < times.size(); i++) {
            for (int j = i + 2; j < times.size(); j++) {
                assertThat(Duration.between(times.get(i), times.get(j)))
                        .as("replies %d to %d", i, j)
                        .isGreaterThan(Duration.ofMillis((j - i - 1) * 200L - 60));
            }
        }
        assertThat(Duration.between(times.getFirst(), times.getLast()))
                .isGreaterThan(Duration.ofMillis(19 * 200 - 100));
    }

    @Test
    void cancellingStopsThePendingAndKeepsTheSent() {
        var tag = BroadcastScene.tag();
        var customers = scene.tagged(tag, 8);
        var text = "Slow update " + tag;
        long id = scene.broadcast(Map.of("text", text, "audience", Map.of("tags", List.of(tag)), "pace", "1/1s"));
        await().atMost(BroadcastScene.PATIENCE).until(() -> scene.count(id, RecipientState.SENT) >= 1);

        var cancelled = scene.admin().post("/api/replies/broadcasts/" + id + "/cancel", Map.of());

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("broadcast").get("state").asString()).isEqualTo("CANCELLED");
        int pending = cancelled.json().get("counts").get("PENDING").asInt();
        int stopped = cancelled.json().get("counts").get("CANCELLED").asInt();
        assertThat(pending).isZero();
        assertThat(stopped).isBetween(1, 7);
        var gone = scene.awaitCount(id, RecipientState.SENT, 8 - stopped);
        assertThat(gone.get("counts").get("SENDING").asInt()).isZero();
        long replied = customers.stream()
                .filter(c -> scene.repliesStored(c.conversationId(), text) == 1)
                .count();
        assertThat(replied).isEqualTo(8 - stopped);
        assertThat(scene.recipients(id))
                .filteredOn(r -> r.get("state").asString().equals("CANCELLED"))
                .allSatisfy(r -> assertThat(r.get("reason").asString()).startsWith("Cancelled by "));
        var again = scene.admin().post("/api/replies/broadcasts/" + id + "/cancel", Map.of());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("counts").get("CANCELLED").asInt()).isEqualTo(stopped);
    }

    @Test
    void eachRecipientThatCannotBeRepliedToFailsWithTheReasonOrWaitsForApproval() {
        var tag = BroadcastScene.tag();
        var customers = scene.tagged(tag, 3);
        var refused = customers.get(0);
        var held = customers.get(1);
        var chat = scene.writes(BroadcastScene.handle(), "down?", true);
        scene.tag(chat, tag);
        long gone = conversationOnARetiredChannel(tag);
        beans.registerSingleton(CHECK, (ReplyCheck) attempt -> {
            if (attempt.conversationId() == refused.conversationId()) {
                return new ReplyVerdict.Refuse("This reply names a card number in public; send it privately.", true);
            }
            return attempt.conversationId() == held.conversationId()
                    ? new ReplyVerdict.Hold("Replies about outages need a supervisor's approval.")
                    : ReplyVerdict.SEND;
        });

        long id = scene.broadcast(Map.of(
                "text", "Public update " + tag, "audience", Map.of("tags", List.of(tag)), "visibility", "public"));

        await().atMost(BroadcastScene.PATIENCE)
                .until(() -> scene.progress(id)
                        .get("broadcast")
                        .get("state")
                        .asString()
                        .equals("FINISHED"));
        scene.awaitCount(id, RecipientState.SENT, 1);
        var byConversation = new java.util.HashMap<Long, JsonNode>();
        scene.recipients(id)
                .forEach(r -> byConversation.put(r.get("conversationId").asLong(), r));
        assertThat(byConversation.get(refused.conversationId()).get("state").asString())
                .isEqualTo("FAILED");
        assertThat(byConversation.get(refused.conversationId()).get("reason").asString())
                .isEqualTo("This reply names a card number in public; send it privately.");
        assertThat(byConversation.get(held.conversationId()).get("state").asString())
                .isEqualTo("HELD");
        assertThat(byConversation.get(held.conversationId()).get("reason").asString())
                .isEqualTo("Replies about outages need a supervisor's approval.");
        assertThat(byConversation.get(chat.conversationId()).get("reason").asString())
                .contains("private conversation");
        assertThat(byConversation.get(gone).get("state").asString()).isEqualTo("FAILED");
        assertThat(byConversation.get(gone).get("reason").asString())
                .isEqualTo("Heard is not connected to retired any more, so this reply cannot be sent;"
                        + " an admin can connect it again.");
        assertThat(scene.repliesStored(refused.conversationId(), "Public update " + tag))
                .isZero();
    }

    @Test
    void aRestartedWorkerCarriesOnFromTheDatabaseAndNodesNeverShareARecipient() throws Exception {
        var tag = BroadcastScene.tag();
        var customers = scene.tagged(tag, 12);
        var text = "Resumed update " + tag;
        long id = scene.broadcast(Map.of("text", text, "audience", Map.of("tags", List.of(tag)), "pace", "4/1s"));
        await().atMost(BroadcastScene.PATIENCE).until(() -> scene.count(id, RecipientState.PENDING) < 12);

        worker.stop();
        int pendingAtStop = scene.count(id, RecipientState.PENDING);
        assertThat(pendingAtStop).isPositive();
        // Four nodes at once, each taking recipients as fast as it can, with no pace between them.
        var lane = store.lanes().stream()
                .filter(l -> l.broadcastId() == id)
                .findFirst()
                .orElseThrow();
        try (var nodes = Executors.newFixedThreadPool(4)) {
            var taken = new ArrayList<Future<Boolean>>();
            for (int i = 0; i < pendingAtStop / 2 * 4; i++) {
                taken.add(nodes.submit((Callable<Boolean>) () -> sender.sendNext(lane)));
            }
            for (var f : taken) {
                f.get();
            }
        }
        worker.start();

        scene.awaitCount(id, RecipientState.SENT, 12);
        for (var customer : customers) {
            assertThat(scene.repliesStored(customer.conversationId(), text)).isEqualTo(1);
            assertThat(scene.brandRepliesTo(customer.postId(), text)).hasSize(1);
        }
    }

    @Test
    void twoStartsWithTheSameKeyAtOnceMakeOneBroadcast() throws Exception {
        var tag = BroadcastScene.tag();
        scene.tagged(tag, 3);
        var key = UUID.randomUUID().toString();
        var request = Map.<String, Object>of(
                "key", key, "text", "Once only " + tag, "audience", Map.of("tags", List.of(tag)));

        List<HeardClient.Response> answers;
        try (var clicks = Executors.newFixedThreadPool(2)) {
            var first = clicks.submit(() -> scene.admin().post("/api/replies/broadcasts", request));
            var second = clicks.submit(() -> scene.admin().post("/api/replies/broadcasts", request));
            answers = List.of(first.get(), second.get());
        }

        assertThat(answers).extracting(HeardClient.Response::status).containsExactlyInAnyOrder(201, 200);
        assertThat(answers)
                .extracting(a -> a.json().get("broadcast").get("id").asLong())
                .containsOnly(
                        answers.getFirst().json().get("broadcast").get("id").asLong());
        assertThat(jdbc.sql("select count(*) from broadcasts where start_key = ?")
                        .param(key)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        long id = answers.getFirst().json().get("broadcast").get("id").asLong();
        scene.awaitCount(id, RecipientState.SENT, 3);
        assertThat(jdbc.sql("select count(*) from messages where text = ?")
                        .param("Once only " + tag)
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void nothingStartsWithoutAnyoneToReachAndAgentsCannotStartOne() {
        var nobody = scene.admin()
                .post(
                        "/api/replies/broadcasts",
                        Map.of(
                                "key", UUID.randomUUID().toString(),
                                "text", "Hello",
                                "audience", Map.of("tags", List.of(BroadcastScene.tag()))));
        assertThat(nobody.status()).isEqualTo(400);
        assertThat(nobody.json().get("detail").asString()).startsWith("No conversation is tagged outage-");

        var email = "agent-" + UUID.randomUUID() + "@heard.test";
        scene.admin()
                .post(
                        "/api/admin/users",
                        Map.of(
                                "email",
                                email,
                                "name",
                                "Ada Agent",
                                "password",
                                "a-long-enough-password",
                                "role",
                                "AGENT"));
        var agent = new HeardClient(port).signIn(email, "a-long-enough-password");
        assertThat(agent.get("/api/replies/broadcasts").status()).isEqualTo(403);
    }

    /** A conversation on a network Heard is no longer connected to, as if its connector had been removed. */
    private long conversationOnARetiredChannel(String tag) {
        var now = Timestamp.from(Instant.now());
        long contact = jdbc.sql("insert into contacts (display_name) values ('Rita Retired') returning id")
                .query(Long.class)
                .single();
        long identity = jdbc.sql("""
                        insert into channel_identities (contact_id, channel, external_id, handle, display_name)
                        values (?, 'retired', ?, 'rita', 'Rita Retired') returning id
                        """)
                .params(contact, UUID.randomUUID().toString())
                .query(Long.class)
                .single();
        return jdbc.sql("""
                        insert into conversations (channel, account, contact_id, identity_id, visibility, status,
                                                   created_at, last_message_at, last_customer_message_at, tags)
                        values ('retired', 'old-account', ?, ?, 'PUBLIC', 'OPEN', ?, ?, ?, ?::text[]) returning id
                        """)
                .params(contact, identity, now, now, now, new String[] {tag})
                .query(Long.class)
                .single();
    }

    static Set<String> states(List<JsonNode> recipients) {
        return Set.copyOf(
                recipients.stream().map(r -> r.get("state").asString()).toList());
    }
}
