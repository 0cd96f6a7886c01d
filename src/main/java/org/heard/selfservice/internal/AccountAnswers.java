package org.heard.selfservice.internal;

import java.util.List;
import org.heard.conversations.AutomatedConversations;
import org.heard.conversations.ConversationTriage;
import org.heard.platform.Refused;
import org.heard.selfservice.internal.AccountSystem.LookupFailed;
import org.heard.selfservice.internal.BotSessions.State;
import org.heard.selfservice.internal.Figures.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Answers an account command privately: asks the company's system for the values, outside any transaction, then
 * sends the answer as a private message on the customer's own network. When the system fails, the customer is told
 * a person will follow up, and a person is brought in with the reason.
 */
@Component
class AccountAnswers {

    private static final Logger log = LoggerFactory.getLogger(AccountAnswers.class);

    private final AccountSystem system;
    private final Commands commands;
    private final BotSessions sessions;
    private final Figures figures;
    private final Handover handover;
    private final Bot bot;
    private final ConversationTriage triage;
    private final AutomatedConversations automated;
    private final TransactionTemplate ownTransaction;

    AccountAnswers(
            AccountSystem system,
            Commands commands,
            BotSessions sessions,
            Figures figures,
            Handover handover,
            Bot bot,
            ConversationTriage triage,
            AutomatedConversations automated,
            PlatformTransactionManager transactions) {
        this.system = system;
        this.commands = commands;
        this.sessions = sessions;
        this.figures = figures;
        this.handover = handover;
        this.bot = bot;
        this.triage = triage;
        this.automated = automated;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Looks up and answers; never throws, for the customer has been told something either way. */
    void answer(Bot.AccountQuestion question) {
        var command = commands.find(question.tag()).orElse(null);
        String text;
        try {
            if (command == null) {
                throw new LookupFailed("#" + question.tag() + " was removed before it was answered.");
            }
            text = BotVoice.answer(command.fill(system.values(question.customerRef(), command.tag())));
        } catch (LookupFailed e) {
            failed(question, e.getMessage());
            return;
        }
        try {
            ownTransaction.executeWithoutResult(status -> send(question, command, text));
        } catch (Refused e) {
            failed(question, e.getMessage());
        }
    }

    private void send(Bot.AccountQuestion question, Command command, String text) {
        long id = question.conversationId();
        var channel = triage.facts(id).map(f -> f.channel()).orElse("");
        if (question.saidPublicly()) {
            // Said in public, answered in private: the thread shows the customer was answered, and where.
            triage.replyAutomatically(id, BotVoice.sentPrivately(command));
        }
        long where = automated.replyPrivately(id, text);
        for (long conversation : where == id ? List.of(id) : List.of(id, where)) {
            sessions.save(conversation, command.tag(), State.ANSWERED, text);
        }
        figures.record(command.tag(), Outcome.ANSWERED, id, channel);
        bot.resolve(where, command.tag(), channel);
        if (where != id) {
            automated.resolveAnswered(id);
        }
    }

    private void failed(Bot.AccountQuestion question, String why) {
        log.warn(
                "Account answer for #{} in conversation {} failed: {}", question.tag(), question.conversationId(), why);
        try {
            ownTransaction.executeWithoutResult(status -> {
                var command = commands.find(question.tag());
                var channel = triage.facts(question.conversationId())
                        .map(f -> f.channel())
                        .orElse("");
                figures.record(question.tag(), Outcome.LOOKUP_FAILED, question.conversationId(), channel);
                var toCustomer = command.map(BotVoice::lookupFailed).orElse(BotVoice.HANDOVER);
                handover.handOver(
                        question.conversationId(),
                        question.tag(),
                        "the account lookup failed (" + why + ")",
                        "#" + question.tag(),
                        toCustomer);
            });
        } catch (RuntimeException e) {
            log.error("Conversation {} could not be handed over; it stays in the inbox", question.conversationId(), e);
        }
    }
}
