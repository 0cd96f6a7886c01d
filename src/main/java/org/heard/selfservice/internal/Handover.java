package org.heard.selfservice.internal;

import org.heard.conversations.AutomatedConversations;
import org.heard.conversations.ConversationTriage;
import org.heard.conversations.PriorityLevel;
import org.heard.platform.Refused;
import org.heard.selfservice.internal.BotSessions.State;
import org.heard.selfservice.internal.Figures.Outcome;
import org.heard.triage.Escalations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Hands a conversation from the bot to a person with the whole context: raised in the command's queue, a note for
 * colleagues with what the bot said and why it stepped back, a word to the customer that a person will reply, and
 * the bot quiet in it from then on.
 */
@Component
class Handover {

    /** High enough to be seen before routine conversations ({@link PriorityLevel#HIGH}). */
    static final int PRIORITY = 50;

    private static final Logger log = LoggerFactory.getLogger(Handover.class);

    private final Commands commands;
    private final BotSessions sessions;
    private final Figures figures;
    private final Escalations escalations;
    private final ConversationTriage triage;
    private final AutomatedConversations automated;

    Handover(
            Commands commands,
            BotSessions sessions,
            Figures figures,
            Escalations escalations,
            ConversationTriage triage,
            AutomatedConversations automated) {
        this.commands = commands;
        this.sessions = sessions;
        this.figures = figures;
        this.escalations = escalations;
        this.triage = triage;
        this.automated = automated;
    }

    /**
     * Hands over in the caller's transaction.
     *
     * @param why why the bot steps back, as colleagues read it ("the customer asked for a person")
     * @param customerSaid the customer's latest words
     * @param toCustomer what the customer is told
     */
    void handOver(long conversationId, String tag, String why, String customerSaid, String toCustomer) {
        var queue = commands.find(tag).map(Command::queue).orElse(null);
        escalations.escalate(conversationId, PRIORITY, "self-service handed over: " + why, queue);
        var botSaid = sessions.find(conversationId)
                .map(s -> " The bot last said: \u201c" + s.lastAnswer() + "\u201d.")
                .orElse("");
        automated.note(
                conversationId,
                "Self-service handed this over: " + why + ". The customer used #" + tag + "." + botSaid
                        + " The customer wrote: \u201c" + customerSaid.strip() + "\u201d");
        triage.tag(conversationId, java.util.List.of("bot-handover"));
        try {
            triage.replyAutomatically(conversationId, toCustomer);
        } catch (Refused e) {
            // The note and the queue still bring a person; the customer hears from them.
            log.warn("No handover message in conversation {}: {}", conversationId, e.getMessage());
        }
        sessions.save(conversationId, tag, State.HANDED_OVER, toCustomer);
        var channel = triage.facts(conversationId).map(f -> f.channel()).orElse("");
        figures.record(tag, Outcome.HANDED_OVER, conversationId, channel);
    }
}
