package org.heard.conversations.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.heard.conversations.ConversationFacts;
import org.heard.conversations.ConversationTriage;
import org.heard.identity.Colleagues;
import org.heard.platform.Refused;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Carries out triage's decisions on conversations, inside the caller's transaction when there is one. */
@Service
@Transactional
class TriageDecisions implements ConversationTriage {

    private final Conversations conversations;
    private final Identities identities;
    private final Inbox inbox;
    private final Colleagues colleagues;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    TriageDecisions(
            Conversations conversations,
            Identities identities,
            Inbox inbox,
            Colleagues colleagues,
            JdbcClient jdbc,
            ApplicationEventPublisher events) {
        this.conversations = conversations;
        this.identities = identities;
        this.inbox = inbox;
        this.colleagues = colleagues;
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Written straight to the row, without the optimistic lock: triage re-prioritises from background work
     * (the second reading, the service-level watch) while people act on the same conversation, and neither
     * should fail the other. A conversation this unit of work already holds is updated in memory too; one
     * loaded afresh already carries the new priority, so nothing more is written.
     */
    @Override
    public void prioritise(long conversationId, int priority, String reason) {
        var shortened = Conversation.priorityReason(reason);
        jdbc.sql("update conversations set priority = ?, priority_reason = ? where id = ?")
                .params(priority, shortened, conversationId)
                .update();
        var conversation = conversation(conversationId);
        conversation.prioritise(priority, shortened);
        events.publishEvent(conversation.changed());
    }

    @Override
    public void queue(long conversationId, @Nullable String queue) {
        var conversation = conversation(conversationId);
        conversation.queueIn(queue);
        changed(conversation);
    }

    @Override
    public void tag(long conversationId, Collection<String> tags) {
        var conversation = conversation(conversationId);
        conversation.tag(tags);
        changed(conversation);
    }

    @Override
    public void due(long conversationId, java.time.@Nullable Instant dueAt, @Nullable String what) {
        var conversation = conversation(conversationId);
        conversation.due(dueAt, what);
        changed(conversation);
    }

    @Override
    public void assign(long conversationId, @Nullable Long userId) {
        if (userId != null && colleagues.find(userId).isEmpty()) {
            throw new Refused("There is no colleague " + userId + ".");
        }
        var conversation = conversation(conversationId);
        conversation.assignTo(userId);
        changed(conversation);
    }

    @Override
    public long replyAutomatically(long conversationId, String text) {
        return inbox.replyAutomatically(conversationId, text).id();
    }

    @Override
    public Optional<ConversationFacts> facts(long conversationId) {
        return conversations
                .findById(conversationId)
                .map(c -> new ConversationFacts(
                        c.id(),
                        c.channel(),
                        c.visibility(),
                        c.status(),
                        c.contactId(),
                        identities
                                .findById(c.identityId())
                                .map(ChannelIdentity::followersCount)
                                .orElse(null),
                        c.assigneeId(),
                        c.queue(),
                        c.tags(),
                        c.priority(),
                        c.createdAt(),
                        c.firstResponseAt(),
                        c.lastCustomerMessageAt(),
                        c.resolvedAt()));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Long> unresolvedAssignedTo(long userId) {
        return jdbc.sql("select id from conversations where assignee_id = ? and status <> 'RESOLVED' order by id")
                .param(userId)
                .query(Long.class)
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, Integer> unresolvedLoad(java.util.Collection<Long> userIds) {
        var load = new HashMap<Long, Integer>();
        if (userIds.isEmpty()) {
            return load;
        }
        jdbc.sql("""
                        select assignee_id, count(*) from conversations
                        where assignee_id = any(?) and status <> 'RESOLVED' group by assignee_id
                        """)
                .param(userIds.toArray(Long[]::new))
                .query((rs, row) -> load.put(rs.getLong(1), rs.getInt(2)))
                .list();
        return load;
    }

    /** Locks the row it returns (skipping rows others hold), so two agents pulling at once get two. */
    @Override
    public Optional<Long> nextUnassigned(Collection<String> queues) {
        return jdbc.sql("""
                        select id from conversations
                        where status <> 'RESOLVED' and assignee_id is null
                          and (cardinality(?::text[]) = 0 or queue = any(?::text[]))
                        order by priority desc, coalesce(last_customer_message_at, created_at), id
                        limit 1 for update skip locked
                        """)
                .param(queues.toArray(String[]::new))
                .param(queues.toArray(String[]::new))
                .query(Long.class)
                .optional();
    }

    private Conversation conversation(long id) {
        return conversations.findById(id).orElseThrow(() -> new Refused("There is no conversation " + id + "."));
    }

    private void changed(Conversation conversation) {
        conversations.save(conversation);
        events.publishEvent(conversation.changed());
    }
}
