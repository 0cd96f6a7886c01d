package org.heard.replies.approvals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.heard.identity.Colleague;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Held replies' approval requests and the audit trail of what was decided about them. */
@Repository
class ApprovalRequests {

    private static final String COLUMNS = """
            id, message_id, conversation_id, author_id, rule_name, steps::text as steps, step, status, text, channel,
            public_reply, send_at, created_at""";

    private final JdbcClient jdbc;
    private final ApprovalRules rules;

    ApprovalRequests(JdbcClient jdbc, ApprovalRules rules) {
        this.jdbc = jdbc;
        this.rules = rules;
    }

    void open(
            ApprovalRule rule,
            long messageId,
            long conversationId,
            long authorId,
            String text,
            String channel,
            boolean publicReply,
            @Nullable Instant sendAt) {
        jdbc.sql("""
                        insert into reply_approvals (message_id, conversation_id, author_id, rule_id, rule_name, steps,
                                                     text, channel, public_reply, send_at)
                        values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?)
                        """)
                .params(
                        messageId,
                        conversationId,
                        authorId,
                        rule.id(),
                        rule.name(),
                        rules.write(rule.steps()),
                        text,
                        channel,
                        publicReply,
                        sendAt == null ? null : Timestamp.from(sendAt))
                .update();
    }

    /** The request for a reply, locked until the transaction ends so two approvers cannot both decide a step. */
    Optional<ApprovalRequest> lock(long messageId) {
        return jdbc.sql("select " + COLUMNS + " from reply_approvals where message_id = ? for update")
                .param(messageId)
                .query(this::request)
                .optional();
    }

    Optional<ApprovalRequest> find(long messageId) {
        return jdbc.sql("select " + COLUMNS + " from reply_approvals where message_id = ?")
                .param(messageId)
                .query(this::request)
                .optional();
    }

    /** Every request still waiting, oldest first. */
    List<ApprovalRequest> waiting() {
        return jdbc.sql("select " + COLUMNS
                        + " from reply_approvals where status = 'WAITING' order by created_at, id limit 500")
                .query(this::request)
                .list();
    }

    void advance(long id, String text) {
        jdbc.sql("update reply_approvals set step = step + 1, text = ? where id = ?")
                .params(text, id)
                .update();
    }

    void close(long id, String status, String text) {
        jdbc.sql("update reply_approvals set status = ?, text = ?, decided_at = now() where id = ?")
                .params(status, text, id)
                .update();
    }

    void decided(ApprovalRequest request, String decision, Colleague actor, @Nullable String comment, String after) {
        jdbc.sql("""
                        insert into reply_approval_decisions (approval_id, message_id, conversation_id, step, decision,
                                                              actor_id, actor_name, comment, text_before, text_after)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        request.id(),
                        request.messageId(),
                        request.conversationId(),
                        request.step() + 1,
                        decision,
                        actor.id(),
                        actor.name(),
                        comment,
                        request.text(),
                        after)
                .update();
    }

    /** Colleagues who already approved a step of this request: one person approves one step. */
    List<Long> approvers(long approvalId) {
        return jdbc.sql("select actor_id from reply_approval_decisions where approval_id = ? and decision = 'APPROVED'")
                .param(approvalId)
                .query(Long.class)
                .list();
    }

    /** The audit trail, newest first, of one reply or of all. */
    List<ApprovalDecision> decisions(@Nullable Long messageId, int limit) {
        var sql = "select id, message_id, conversation_id, step, decision, actor_id, actor_name, comment, text_before,"
                + " text_after, at from reply_approval_decisions"
                + (messageId == null ? "" : " where message_id = " + messageId) + " order by id desc limit ?";
        return jdbc.sql(sql)
                .param(Math.clamp(limit, 1, 500))
                .query((rs, n) -> new ApprovalDecision(
                        rs.getLong("id"),
                        rs.getLong("message_id"),
                        rs.getLong("conversation_id"),
                        rs.getInt("step"),
                        rs.getString("decision"),
                        rs.getLong("actor_id"),
                        rs.getString("actor_name"),
                        rs.getString("comment"),
                        rs.getString("text_before"),
                        rs.getString("text_after"),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }

    private ApprovalRequest request(ResultSet rs, int n) throws SQLException {
        var sendAt = rs.getTimestamp("send_at");
        return new ApprovalRequest(
                rs.getLong("id"),
                rs.getLong("message_id"),
                rs.getLong("conversation_id"),
                rs.getLong("author_id"),
                rs.getString("rule_name"),
                rules.steps(rs.getString("steps")),
                rs.getInt("step"),
                rs.getString("status"),
                rs.getString("text"),
                rs.getString("channel"),
                rs.getBoolean("public_reply"),
                sendAt == null ? null : sendAt.toInstant(),
                rs.getTimestamp("created_at").toInstant());
    }
}
