package org.heard.triage.priority;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.heard.conversations.ConversationChanged;
import org.heard.conversations.ConversationStatus;
import org.heard.conversations.ConversationTriage;
import org.heard.conversations.TeamReplied;
import org.heard.triage.Analysis;
import org.heard.triage.Sentiment;
import org.heard.triage.ServiceLevelBreached;
import org.heard.triage.Urgency;
import org.heard.triage.pipeline.RuleOutcome;
import org.heard.triage.pipeline.TriageSubject;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps each unresolved conversation's priority and its reason: what the customer needs (the
 * strongest message since it was last resolved), raised by rules, and moved by its service level.
 */
@Component
@Transactional
public class Priorities {

    private static final String REPEATED_CONTACT = "repeated-contact";

    private final JdbcClient jdbc;
    private final ConversationTriage conversations;
    private final Clock clock;

    Priorities(JdbcClient jdbc, ConversationTriage conversations, Clock clock) {
        this.jdbc = jdbc;
        this.conversations = conversations;
        this.clock = clock;
    }

    /** A customer's message was triaged: its needs and the rules' floor may raise the priority. */
    public Priority messageArrived(TriageSubject subject, RuleOutcome outcome) {
        long id = subject.message().conversationId();
        var state = state(id);
        var needs = Priority.needs(subject.analysis(), subject.signals());
        if (state == null) {
            countNeedsFrom(id, subject.message().messageId());
        }
        var next = state == null
                ? new PriorityState(needs, null, null, ServiceLevelState.ON_TIME, null)
                : state.withNeeds(state.needs().atLeast(needs));
        if (outcome.priorityFloor() != null) {
            next = next.withFloor(outcome.priorityFloor(), "rule: " + String.join(", ", outcome.fired()));
        }
        return save(id, next);
    }

    /**
     * A message of the conversation was read again and its assessment changed: its needs are worked out
     * again from the assessments of every message since the conversation was last resolved, so a second
     * reading can lower the priority as well as raise it. Nothing happens to a resolved conversation.
     */
    public Optional<Priority> reassessed(long conversationId) {
        var state = state(conversationId);
        if (state == null) {
            return Optional.empty();
        }
        var needs = jdbc
                .sql("""
                        select a.sentiment, a.score, a.complaint, a.urgency, a.signals, a.language
                        from triage_assessments a join triage_conversations c on c.conversation_id = a.conversation_id
                        where a.conversation_id = ? and a.message_id >= coalesce(c.needs_from_message, 0)
                        """)
                .param(conversationId)
                .query((rs, row) -> {
                    var signals = List.of((String[]) rs.getArray("signals").getArray());
                    var analysis = new Analysis(
                            Sentiment.valueOf(rs.getString("sentiment")),
                            rs.getDouble("score"),
                            rs.getBoolean("complaint"),
                            Urgency.valueOf(rs.getString("urgency")),
                            signals.stream()
                                    .filter(s -> !s.equals(REPEATED_CONTACT))
                                    .toList(),
                            rs.getString("language"));
                    return Priority.needs(analysis, signals);
                })
                .list()
                .stream()
                .reduce(Priority::atLeast)
                .orElse(state.needs());
        return Optional.of(save(conversationId, state.withNeeds(needs)));
    }

    /** Raises the conversation's least priority, as a rule's floor does, until it is resolved. */
    public Priority raiseFloor(long conversationId, int floor, String reason) {
        var state = state(conversationId);
        var current = state != null
                ? state
                : new PriorityState(
                        new Priority(0, "no complaint or urgency seen"), null, null, ServiceLevelState.ON_TIME, null);
        return save(conversationId, current.withFloor(Math.clamp(floor, 0, 100), reason));
    }

    @EventListener
    void serviceLevelMoved(ServiceLevelBreached breach) {
        var state = state(breach.conversationId());
        if (state != null) {
            save(
                    breach.conversationId(),
                    state.withServiceLevel(
                            breach.warning() ? ServiceLevelState.WARNING : ServiceLevelState.BREACHED, breach.what()));
        }
    }

    /** A person answered: the clock that was late is satisfied. */
    @EventListener
    void teamReplied(TeamReplied reply) {
        var state = state(reply.conversationId());
        if (!reply.automated() && state != null && state.serviceLevel() != ServiceLevelState.ON_TIME) {
            save(reply.conversationId(), state.withServiceLevel(ServiceLevelState.ON_TIME, null));
        }
    }

    /** A resolved conversation starts afresh if the customer writes again. */
    @EventListener
    void changed(ConversationChanged change) {
        if (change.status() == ConversationStatus.RESOLVED) {
            jdbc.sql("delete from triage_conversations where conversation_id = ?")
                    .param(change.id())
                    .update();
        }
    }

    private void countNeedsFrom(long conversationId, long messageId) {
        jdbc.sql("""
                        insert into triage_conversations (conversation_id, needs, needs_reason, updated_at,
                            needs_from_message)
                        values (?, 0, 'no complaint or urgency seen', ?, ?) on conflict (conversation_id) do nothing
                        """)
                .params(conversationId, Timestamp.from(clock.instant()), messageId)
                .update();
    }

    private Priority save(long conversationId, PriorityState state) {
        jdbc.sql("""
                        insert into triage_conversations
                            (conversation_id, needs, needs_reason, floor, floor_reason, service_level, service_what, updated_at)
                        values (:id, :needs, :reason, :floor, :floorReason, :level, :what, :at)
                        on conflict (conversation_id) do update set needs = excluded.needs,
                            needs_reason = excluded.needs_reason, floor = excluded.floor,
                            floor_reason = excluded.floor_reason, service_level = excluded.service_level,
                            service_what = excluded.service_what, updated_at = excluded.updated_at
                        """)
                .param("id", conversationId)
                .param("needs", state.needs().score())
                .param("reason", state.needs().reason())
                .param("floor", state.floor())
                .param("floorReason", state.floorReason())
                .param("level", state.serviceLevel().name())
                .param("what", state.serviceWhat())
                .param("at", Timestamp.from(clock.instant()))
                .update();
        var priority = state.priority();
        conversations.prioritise(conversationId, priority.score(), priority.reason());
        return priority;
    }

    private PriorityState state(long conversationId) {
        return jdbc.sql("select * from triage_conversations where conversation_id = ?")
                .param(conversationId)
                .query((rs, row) -> new PriorityState(
                        new Priority(rs.getInt("needs"), rs.getString("needs_reason")),
                        (Integer) rs.getObject("floor"),
                        rs.getString("floor_reason"),
                        ServiceLevelState.valueOf(rs.getString("service_level")),
                        rs.getString("service_what")))
                .optional()
                .orElse(null);
    }
}
