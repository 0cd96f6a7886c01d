package org.heard.replies.broadcasts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.heard.channels.Visibility;
import org.heard.conversations.ReplyReceipt;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The recipients of broadcasts: frozen when a broadcast starts, then claimed one at a time with {@code SKIP LOCKED}
 * so that no two nodes ever take the same one, and marked with what became of each.
 */
@Component
class RecipientStore {

    /** A recipient about to be frozen into a broadcast. */
    record NewRecipient(
            long conversationId,
            String channel,
            String account,
            RecipientState state,
            @Nullable String reason) {}

    /** Pending recipients of one broadcast on one brand account: they share a pace. */
    record Lane(
            long broadcastId,
            String channel,
            String account,
            @Nullable String pace) {}

    /** A recipient taken by this node, locked until its transaction ends. */
    record Claimed(
            long id,
            long broadcastId,
            long conversationId,
            String text,
            @Nullable Visibility visibility,
            long userId) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    RecipientStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    void add(long broadcastId, List<NewRecipient> recipients) {
        var rows = new ArrayList<Object[]>(recipients.size());
        for (var r : recipients) {
            rows.add(new Object[] {
                broadcastId,
                r.conversationId(),
                r.channel(),
                r.account(),
                r.state().name(),
                r.reason()
            });
        }
        batch.batchUpdate("""
                insert into broadcast_recipients (broadcast_id, conversation_id, channel, account, state, reason)
                values (?, ?, ?, ?, ?, ?)
                """, rows);
    }

    /** Every broadcast account that has recipients still to send, oldest broadcast first. */
    List<Lane> lanes() {
        return jdbc.sql("""
                        select b.id, l.channel, l.account, b.pace
                        from broadcasts b
                        cross join lateral (select distinct r.channel, r.account from broadcast_recipients r
                                            where r.broadcast_id = b.id and r.state = 'PENDING') l
                        where b.state = 'RUNNING'
                        order by b.id, l.channel, l.account
                        """)
                .query((rs, n) -> new Lane(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** Takes the next pending recipient of a lane that no other node holds, in the caller's transaction. */
    Optional<Claimed> claim(Lane lane) {
        return jdbc.sql("""
                        select r.id, r.broadcast_id, r.conversation_id, b.text, b.visibility, b.started_by
                        from broadcast_recipients r join broadcasts b on b.id = r.broadcast_id
                        where r.broadcast_id = ? and r.channel = ? and r.account = ? and r.state = 'PENDING'
                        order by r.id limit 1
                        for update of r skip locked
                        """)
                .params(lane.broadcastId(), lane.channel(), lane.account())
                .query((rs, n) -> new Claimed(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getString(5) == null ? null : Visibility.valueOf(rs.getString(5)),
                        rs.getLong(6)))
                .optional();
    }

    /** The reply is stored: in the outbox, or held for approval. */
    void handed(long id, ReplyReceipt receipt, Instant at) {
        jdbc.sql("""
                        update broadcast_recipients
                        set state = ?, message_id = ?, reason = ?, handled_at = ?, attempts = attempts + 1
                        where id = ?
                        """)
                .params(
                        receipt.held() ? RecipientState.HELD.name() : RecipientState.SENDING.name(),
                        receipt.messageId(),
                        receipt.heldBecause(),
                        Timestamp.from(at),
                        id)
                .update();
    }

    /** The reply was refused: the recipient failed with the reason, if still pending. */
    void failIfPending(long id, String reason, Instant at) {
        jdbc.sql("""
                        update broadcast_recipients set state = 'FAILED', reason = ?, handled_at = ?,
                                                        attempts = attempts + 1
                        where id = ? and state = 'PENDING'
                        """).params(reason, Timestamp.from(at), id).update();
    }

    /**
     * Sending broke for a reason that may pass (a clash with another change): counts the attempt, and fails the
     * recipient once it had its last one.
     */
    void attemptFailed(long id, String reason, int maxAttempts, Instant at) {
        jdbc.sql("""
                        update broadcast_recipients
                        set attempts = attempts + 1,
                            state = case when attempts + 1 >= ? then 'FAILED' else state end,
                            reason = ?,
                            handled_at = case when attempts + 1 >= ? then ? else handled_at end
                        where id = ? and state = 'PENDING'
                        """)
                .params(maxAttempts, reason, maxAttempts, Timestamp.from(at), id)
                .update();
    }

    /** The network took a broadcast's reply (also one released after approval or sent again by an agent). */
    Optional<Long> delivered(long messageId) {
        return jdbc.sql("""
                        update broadcast_recipients set state = 'SENT', reason = null
                        where message_id = ? and state in ('SENDING', 'HELD', 'FAILED')
                        returning broadcast_id
                        """).param(messageId).query(Long.class).optional();
    }

    /** The network did not take it: the outbox tries again, or gave up. */
    Optional<Long> notDelivered(long messageId, String error, boolean retrying) {
        return jdbc.sql("""
                        update broadcast_recipients set state = ?, reason = ?
                        where message_id = ? and state in ('SENDING', 'HELD')
                        returning broadcast_id
                        """)
                .params(retrying ? RecipientState.SENDING.name() : RecipientState.FAILED.name(), error, messageId)
                .query(Long.class)
                .optional();
    }

    /**
     * Cancels the pending recipients of a broadcast. A recipient a node is sending to right now is waited for and
     * then left as it ends: sent stays sent.
     */
    int cancelPending(long broadcastId, String reason, Instant at) {
        return jdbc.sql("""
                        update broadcast_recipients set state = 'CANCELLED', reason = ?, handled_at = ?
                        where broadcast_id = ? and state = 'PENDING'
                        """).params(reason, Timestamp.from(at), broadcastId).update();
    }

    /** Replies of a broadcast that wait for approval, by recipient id. */
    List<long[]> held(long broadcastId) {
        return jdbc.sql("select id, message_id from broadcast_recipients where broadcast_id = ? and state = 'HELD'")
                .param(broadcastId)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list();
    }

    /** A held reply was withdrawn with its broadcast. */
    void withdrawn(long recipientId, String reason) {
        jdbc.sql("update broadcast_recipients set state = 'CANCELLED', reason = ? where id = ? and state = 'HELD'")
                .params(reason, recipientId)
                .update();
    }

    /** A page of a broadcast's recipients, in the order they were frozen; only those in a state when one is given. */
    List<Recipient> page(long broadcastId, @Nullable RecipientState state, int offset, int limit) {
        return jdbc.sql("""
                        select id, conversation_id, channel, state, reason, message_id, handled_at
                        from broadcast_recipients
                        where broadcast_id = ? and (cast(? as varchar) is null or state = ?)
                        order by id offset ? limit ?
                        """)
                .params(
                        broadcastId,
                        state == null ? null : state.name(),
                        state == null ? null : state.name(),
                        offset,
                        limit)
                .query((rs, n) -> new Recipient(
                        rs.getLong("id"),
                        rs.getLong("conversation_id"),
                        rs.getString("channel"),
                        null,
                        null,
                        RecipientState.valueOf(rs.getString("state")),
                        rs.getString("reason"),
                        (Long) rs.getObject("message_id"),
                        BroadcastStore.instant(rs.getTimestamp("handled_at"))))
                .list();
    }
}
