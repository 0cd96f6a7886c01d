package org.heard.triage.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.heard.HeardClient;
import org.heard.SandboxPayloads;
import org.heard.channels.Visibility;
import org.heard.conversations.ConversationTriage;
import org.heard.conversations.MessageReceived;
import org.heard.triage.Analysis;
import org.heard.triage.Sentiment;
import org.heard.triage.Urgency;
import org.heard.triage.pipeline.ServiceLevels;
import org.heard.triage.pipeline.TriageSubject;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Customers writing on the sandbox network, and triage's pipeline handing each threaded message to
 * {@link ServiceLevels} the way the real pipeline does: inside a transaction, with the conversation's
 * facts as they are before triage decides.
 */
final class TriageScene {

    static final Duration PATIENCE = Duration.ofSeconds(15);

    private final HeardClient network;
    private final JdbcClient jdbc;
    private final ConversationTriage triage;
    private final ServiceLevels serviceLevels;
    private final TransactionTemplate transactions;
    private final int port;
    private Long routingRule;

    TriageScene(
            int port,
            JdbcClient jdbc,
            ConversationTriage triage,
            ServiceLevels serviceLevels,
            TransactionTemplate transactions) {
        this.network = new HeardClient(port);
        this.port = port;
        this.jdbc = jdbc;
        this.triage = triage;
        this.serviceLevels = serviceLevels;
        this.transactions = transactions;
    }

    /** A message stored by Heard, with what the pipeline learns about it. */
    record Written(long conversationId, long messageId, Instant receivedAt) {}

    static String person() {
        return "sla" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * From now on, conversations of the scene's people go to this queue, as a supervisor's rule would
     * send them: each message names its writer, and a rule routes those names to the queue.
     */
    void routeTo(String queue) {
        var rule = new HeardClient(port)
                .asAdmin()
                .post(
                        "/api/triage/rules",
                        java.util.Map.of(
                                "name", "Scene to " + queue + " " + UUID.randomUUID(),
                                "conditions", java.util.Map.of("pattern", "\\bsla[0-9a-f]{8}\\b"),
                                "actions", java.util.Map.of("queue", queue)));
        assertThat(rule.status()).as(rule.body()).isEqualTo(201);
        routingRule = rule.json().get("id").asLong();
    }

    /** Removes the routing rule, so other tests' messages are routed as usual. */
    void stopRouting() {
        if (routingRule != null) {
            new HeardClient(port).asAdmin().delete("/api/triage/rules/" + routingRule);
            routingRule = null;
        }
    }

    /** The person writes; returns once Heard has threaded (and triaged) the message. */
    Written writes(String person, String said, boolean isPrivate) {
        var text = routingRule == null ? said : said + " " + person;
        var postId = "sla-" + UUID.randomUUID();
        var response =
                network.signedSandboxWebhook(SandboxPayloads.post(postId, person, person, text, null, isPrivate));
        assertThat(response.status()).as(response.body()).isBetween(200, 299);
        var ids = await().atMost(PATIENCE)
                .until(
                        () -> jdbc.sql("select conversation_id, id from messages where external_id = ?")
                                .param(postId)
                                .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)})
                                .optional(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        // PostgreSQL keeps microseconds; a receipt time already that precise compares equal after a round trip.
        return new Written(ids[0], ids[1], Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }

    /** The pipeline's call for a message just threaded; returns the due time it got. */
    @Nullable
    Instant triaged(Written written, @Nullable String queue) {
        var facts = triage.facts(written.conversationId()).orElseThrow();
        var row = jdbc.sql("select text, sent_at, visibility from messages where id = ?")
                .param(written.messageId())
                .query((rs, n) ->
                        new Object[] {rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3)})
                .single();
        var message = new MessageReceived(
                written.conversationId(),
                written.messageId(),
                facts.contactId(),
                facts.channel(),
                Visibility.valueOf((String) row[2]),
                (String) row[0],
                false,
                (Instant) row[1],
                written.receivedAt());
        var analysis = new Analysis(Sentiment.NEUTRAL, 0, false, Urgency.NONE, List.of(), "en");
        var subject = new TriageSubject(message, facts, analysis, List.of());
        return transactions.execute(status -> serviceLevels.customerWrote(subject, queue));
    }

    /** Automated messages in the conversation, oldest first, as "VISIBILITY: text". */
    List<String> automatedReplies(long conversationId) {
        return jdbc.sql(
                        "select visibility || ': ' || text from messages where conversation_id = ? and automated order by id")
                .param(conversationId)
                .query(String.class)
                .list();
    }

    /** The clocks of a conversation as "kind running|stopped", oldest first. */
    List<String> clocks(long conversationId) {
        return jdbc.sql("""
                        select kind || case when stopped_at is null then ' running' else ' stopped' end
                        from triage_service_level_clocks where conversation_id = ? order by id
                        """).param(conversationId).query(String.class).list();
    }

    /** What the inbox shows as due: "first response at 2026-…", or "nothing due". */
    String due(long conversationId) {
        return jdbc.sql("select due_what, due_at from conversations where id = ?")
                .param(conversationId)
                .query((rs, row) -> rs.getTimestamp(2) == null
                        ? "nothing due"
                        : rs.getString(1) + " at " + rs.getTimestamp(2).toInstant())
                .single();
    }

    /** A queue of the tests' own, so their short policies touch no one else's conversations. */
    void queue(String key) {
        var saved = new HeardClient(port).asAdmin().put("/api/triage/queues/" + key, java.util.Map.of("name", key));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }

    static Timestamp at(Instant instant) {
        return Timestamp.from(instant);
    }
}
