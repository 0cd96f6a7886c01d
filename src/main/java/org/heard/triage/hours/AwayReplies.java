package org.heard.triage.hours;

import java.sql.Timestamp;
import org.heard.conversations.ConversationTriage;
import org.heard.platform.Refused;
import org.heard.triage.pipeline.TriageSubject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells a customer who writes while the team is closed when it is back, once per person per closed
 * period (the period known by when the team reopens). The reply says it is automatic: it never
 * pretends to be a person.
 */
@Component
class AwayReplies {

    private static final Logger log = LoggerFactory.getLogger(AwayReplies.class);

    private final JdbcClient jdbc;
    private final AwayTexts texts;
    private final ConversationTriage triage;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate ownTransaction;

    AwayReplies(
            JdbcClient jdbc,
            AwayTexts texts,
            ConversationTriage triage,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.texts = texts;
        this.triage = triage;
        this.events = events;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** An away reply that is owed, sent once the customer's message is safely stored. */
    record AwayReplyDue(long conversationId, String text) {}

    /** Claims the person's away reply for this closed period, if the team is closed and none went out. */
    void customerWrote(TriageSubject subject, BusinessCalendar calendar) {
        var message = subject.message();
        var at = message.receivedAt();
        if (calendar.isOpen(at)) {
            return;
        }
        var reopens = calendar.nextOpening(at).orElseThrow();
        int claimed = jdbc.sql("""
                        insert into triage_away_replies (contact_id, reopens_at, conversation_id, sent_at)
                        values (?, ?, ?, ?) on conflict do nothing
                        """)
                .params(message.contactId(), Timestamp.from(reopens), message.conversationId(), Timestamp.from(at))
                .update();
        if (claimed == 1) {
            var template = texts.texts().forVisibility(subject.conversation().visibility());
            var text = template.replace("{opening}", ReopeningPhrase.of(reopens, at, calendar.zone()));
            events.publishEvent(new AwayReplyDue(message.conversationId(), text));
        }
    }

    /**
     * Sends after the customer's message committed, in its own transaction: a reply the network refuses
     * must never undo the message it answers. The claim stays, so a failure is not retried into a second
     * reply.
     */
    @TransactionalEventListener(fallbackExecution = true)
    void send(AwayReplyDue due) {
        try {
            ownTransaction.executeWithoutResult(status -> triage.replyAutomatically(due.conversationId(), due.text()));
        } catch (Refused e) {
            log.warn("No away reply in conversation {}: {}", due.conversationId(), e.getMessage());
        }
    }
}
