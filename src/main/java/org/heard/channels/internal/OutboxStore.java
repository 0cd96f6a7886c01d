package org.heard.channels.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.heard.channels.OutboundMessage;
import org.heard.channels.Outbox;
import org.heard.channels.PostTarget;
import org.heard.channels.TemplateChoice;
import org.heard.channels.Visibility;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@Repository
class OutboxStore implements Outbox {

    private final JdbcClient jdbc;
    private final Dispatcher dispatcher;

    OutboxStore(JdbcClient jdbc, @Lazy Dispatcher dispatcher) {
        this.jdbc = jdbc;
        this.dispatcher = dispatcher;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(OutboundMessage message) {
        var template = message.template();
        jdbc.sql("""
                        insert into outbox (channel, account, idempotency_key, message_id, text, private, in_reply_to, recipient,
                                            template_name, template_language, template_variables, correlation_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        message.channel(),
                        message.account(),
                        message.idempotencyKey(),
                        message.messageId(),
                        message.text(),
                        message.visibility() == Visibility.PRIVATE,
                        message.inReplyTo(),
                        message.recipient(),
                        template == null ? null : template.name(),
                        template == null ? null : template.language(),
                        template == null ? null : template.variables().toArray(String[]::new),
                        message.correlationId())
                .update();
        nudgeAfterCommit();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueuePost(long postId, PostTarget target, String text) {
        // Checked as a reply is: a post is public, with text, and answers no one.
        var post = new OutboundMessage(
                target.channel(),
                target.account(),
                "heard-post-" + postId,
                postId,
                text,
                Visibility.PUBLIC,
                null,
                null);
        jdbc.sql("""
                        insert into outbox (channel, account, idempotency_key, post_id, text, private)
                        values (?, ?, ?, ?, ?, false)
                        """)
                .params(post.channel(), post.account(), post.idempotencyKey(), postId, post.text())
                .update();
        nudgeAfterCommit();
    }

    @Override
    @Transactional
    public boolean retry(long messageId) {
        int updated = jdbc.sql("""
                        update outbox set status = 'PENDING', attempts = 0, next_attempt_at = now(), last_error = null, in_flight = false
                        where message_id = ? and status = 'FAILED'
                        """).param(messageId).update();
        if (updated > 0) {
            nudgeAfterCommit();
        }
        return updated > 0;
    }

    private void nudgeAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                dispatcher.nudge();
            }
        });
    }

    /**
     * Takes due entries for this node. The claim pushes their next attempt into the future, so if this
     * node dies while sending, another takes them over after the lease; the idempotency key keeps the
     * network from posting twice.
     */
    @Transactional
    List<Entry> claimDue(String[] channels, int limit, java.time.Duration lease) {
        return jdbc.sql("""
                        with due as (
                            select id, in_flight from outbox
                            where status = 'PENDING' and next_attempt_at <= now() and channel = any(?)
                            order by next_attempt_at, id limit ? for update skip locked)
                        update outbox o set attempts = o.attempts + 1,
                                            next_attempt_at = now() + make_interval(secs => ?), in_flight = true
                        from due where o.id = due.id
                        returning o.id, o.channel, o.account, o.idempotency_key, o.message_id, o.post_id, o.text, o.private,
                                  o.in_reply_to, o.recipient, o.attempts, o.template_name, o.template_language,
                                  o.template_variables, o.correlation_id, due.in_flight as interrupted
                        """)
                .params(channels, limit, lease.toSeconds())
                .query((rs, i) -> new Entry(
                        rs.getLong("id"),
                        rs.getInt("attempts"),
                        rs.getBoolean("interrupted"),
                        rs.getObject("post_id") != null,
                        new OutboundMessage(
                                rs.getString("channel"),
                                rs.getString("account"),
                                rs.getString("idempotency_key"),
                                rs.getObject("post_id") != null ? rs.getLong("post_id") : rs.getLong("message_id"),
                                rs.getString("text"),
                                rs.getBoolean("private") ? Visibility.PRIVATE : Visibility.PUBLIC,
                                rs.getString("in_reply_to"),
                                rs.getString("recipient"),
                                template(rs),
                                rs.getString("correlation_id"))))
                .list();
    }

    private static @Nullable TemplateChoice template(ResultSet rs) throws SQLException {
        var name = rs.getString("template_name");
        if (name == null) {
            return null;
        }
        var variables = rs.getArray("template_variables");
        return new TemplateChoice(
                name,
                rs.getString("template_language"),
                variables == null ? List.of() : List.of((String[]) variables.getArray()));
    }

    void markSent(long id, String externalId) {
        jdbc.sql(
                        "update outbox set status = 'SENT', external_id = ?, sent_at = now(), last_error = null, in_flight = false where id = ?")
                .params(externalId, id)
                .update();
    }

    void markRetry(long id, String error, Instant nextAttemptAt) {
        jdbc.sql("update outbox set last_error = ?, next_attempt_at = ?, in_flight = false where id = ?")
                .params(error, Timestamp.from(nextAttemptAt), id)
                .update();
    }

    void markFailed(long id, String error) {
        jdbc.sql("update outbox set status = 'FAILED', last_error = ?, in_flight = false where id = ?")
                .params(error, id)
                .update();
    }

    long depth() {
        return jdbc.sql("select count(*) from outbox where status = 'PENDING'")
                .query(Long.class)
                .single();
    }

    /**
     * A claimed reply.
     *
     * @param interrupted whether an earlier attempt started sending and never finished: the node died
     *     mid-send, so the network may already have it
     * @param post whether it is a brand post, whose message id is the post's id
     */
    record Entry(long id, int attempts, boolean interrupted, boolean post, OutboundMessage message) {}
}
