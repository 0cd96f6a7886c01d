package org.heard.triage.pipeline;

import org.heard.conversations.ConversationTriage;
import org.heard.conversations.MessageReceived;
import org.heard.platform.Refused;
import org.heard.triage.TextAnalyser;
import org.heard.triage.priority.Priorities;
import org.heard.triage.routing.Routing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Triages each customer message in the transaction that threads it, so the inbox never shows a
 * message without its priority: analyse, apply the rules, route to a queue, start the service-level
 * clocks, set the priority with its reason, assign, and send a rule's automated reply.
 */
@Component
class TriagePipeline {

    private static final Logger log = LoggerFactory.getLogger(TriagePipeline.class);

    private final TextAnalyser analyser;
    private final Assessments assessments;
    private final RuleBook rules;
    private final Routing routing;
    private final ServiceLevels serviceLevels;
    private final Priorities priorities;
    private final ConversationTriage conversations;

    TriagePipeline(
            TextAnalyser analyser,
            Assessments assessments,
            RuleBook rules,
            Routing routing,
            ServiceLevels serviceLevels,
            Priorities priorities,
            ConversationTriage conversations) {
        this.analyser = analyser;
        this.assessments = assessments;
        this.rules = rules;
        this.routing = routing;
        this.serviceLevels = serviceLevels;
        this.priorities = priorities;
        this.conversations = conversations;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void triage(MessageReceived message) {
        long id = message.conversationId();
        var facts = conversations.facts(id).orElseThrow();
        var analysis = analyser.analyse(message.text());
        var signals = assessments.signals(message, analysis);
        assessments.record(message, analysis, signals);
        var subject = new TriageSubject(message, facts, analysis, signals);
        var outcome = rules.apply(subject);
        var queue = routing.queueFor(subject, outcome);
        if (!queue.equals(facts.queue())) {
            conversations.queue(id, queue);
        }
        if (!outcome.tags().isEmpty()) {
            conversations.tag(id, outcome.tags());
        }
        serviceLevels.customerWrote(subject, queue);
        var priority = priorities.messageArrived(subject, outcome);
        routing.assignOnArrival(subject, queue, outcome.assignee());
        if (outcome.autoReply() != null) {
            autoReply(id, outcome.autoReply());
        }
        log.debug("Conversation {} is {} ({}) in queue {}", id, priority.score(), priority.reason(), queue);
    }

    /** A rule's reply that the channel refuses (too long, not connected) must not hold the message back. */
    private void autoReply(long conversationId, String text) {
        try {
            conversations.replyAutomatically(conversationId, text);
        } catch (Refused e) {
            log.warn("A rule's automated reply to conversation {} was not sent: {}", conversationId, e.getMessage());
        } catch (IllegalArgumentException e) {
            log.warn("A rule's automated reply to conversation {} was not sent", conversationId, e);
        }
    }
}
