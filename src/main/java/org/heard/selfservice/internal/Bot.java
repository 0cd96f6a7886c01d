package org.heard.selfservice.internal;

import java.util.List;
import java.util.Optional;
import org.heard.channels.Visibility;
import org.heard.conversations.AutomatedConversations;
import org.heard.conversations.ConversationTriage;
import org.heard.conversations.MessageReceived;
import org.heard.selfservice.internal.BotSessions.State;
import org.heard.selfservice.internal.Figures.Outcome;
import org.heard.triage.Escalations;
import org.heard.triage.Sentiment;
import org.heard.triage.TextAnalyser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Reads a customer's message for the bot and answers in the caller's transaction: a command's answer, a case, a
 * one-time link, help for a command that is not one, or a handover when the customer asks for a person or is
 * angry. Where it spoke once and handed over or opened a case, it keeps quiet.
 */
@Component
class Bot {

    /** How negative a message must read for the bot to step back: plainly angry, not merely unhappy. */
    static final double ANGER = -0.6;

    /** An account answer owed to a customer who connected their account, to look up outside any transaction. */
    record AccountQuestion(long conversationId, String tag, String customerRef, boolean saidPublicly) {}

    private final Commands commands;
    private final BotSessions sessions;
    private final Figures figures;
    private final AccountLinks links;
    private final LinkAddress address;
    private final Handover handover;
    private final TextAnalyser analyser;
    private final Escalations escalations;
    private final ConversationTriage triage;
    private final AutomatedConversations automated;

    Bot(
            Commands commands,
            BotSessions sessions,
            Figures figures,
            AccountLinks links,
            LinkAddress address,
            Handover handover,
            TextAnalyser analyser,
            Escalations escalations,
            ConversationTriage triage,
            AutomatedConversations automated) {
        this.commands = commands;
        this.sessions = sessions;
        this.figures = figures;
        this.links = links;
        this.address = address;
        this.handover = handover;
        this.analyser = analyser;
        this.escalations = escalations;
        this.triage = triage;
        this.automated = automated;
    }

    /** @return the account answer still owed, when the customer's account is already connected */
    Optional<AccountQuestion> read(MessageReceived message) {
        long id = message.conversationId();
        var session = sessions.find(id);
        if (session.isPresent()) {
            if (session.get().state().quiet()) {
                return Optional.empty();
            }
            var why = BotVoice.asksForPerson(message.text()) ? "the customer asked for a person" : angry(message);
            if (why != null) {
                handover.handOver(id, session.get().tag(), why, message.text(), BotVoice.HANDOVER);
                return Optional.empty();
            }
        }
        var enabled = commands.enabled();
        var found =
                Hashtags.read(message.text(), enabled.stream().map(Command::tag).toList());
        return switch (found) {
            case Hashtags.Known(var tag) -> answer(message, commands.find(tag).orElseThrow());
            case Hashtags.Unknown unknown -> {
                help(message, enabled);
                yield Optional.empty();
            }
            case Hashtags.Nothing nothing -> Optional.empty();
        };
    }

    private Optional<AccountQuestion> answer(MessageReceived message, Command command) {
        long id = message.conversationId();
        figures.record(command.tag(), Outcome.USED, id, message.channel());
        if (command.kind() == CommandKind.CASE) {
            openCase(message, command);
            return Optional.empty();
        }
        var why = angry(message);
        if (why != null) {
            handover.handOver(id, command.tag(), why, message.text(), BotVoice.HANDOVER);
            return Optional.empty();
        }
        if (command.kind() == CommandKind.ANSWER) {
            var text = BotVoice.answer(command.answer());
            triage.replyAutomatically(id, text);
            sessions.save(id, command.tag(), State.ANSWERED, text);
            figures.record(command.tag(), Outcome.ANSWERED, id, message.channel());
            resolve(id, command.tag(), message.channel());
            return Optional.empty();
        }
        long profile = automated.profileOf(id);
        var account = links.accountOf(profile);
        if (account.isPresent()) {
            return Optional.of(
                    new AccountQuestion(id, command.tag(), account.get(), message.visibility() == Visibility.PUBLIC));
        }
        var token = links.issue(id, profile, command.tag());
        var text = BotVoice.link(command, address.of(token), links.lifetime());
        triage.replyAutomatically(id, text);
        sessions.save(id, command.tag(), State.LINK_SENT, text);
        figures.record(command.tag(), Outcome.LINK_SENT, id, message.channel());
        return Optional.empty();
    }

    private void openCase(MessageReceived message, Command command) {
        long id = message.conversationId();
        int priority = command.priority() == null ? Command.DEFAULT_CASE_PRIORITY : command.priority();
        escalations.escalate(id, priority, "self-service case: " + command.hashtag(), command.queue());
        triage.tag(id, List.of(command.tag()));
        var text = BotVoice.caseOpened(command.answer());
        triage.replyAutomatically(id, text);
        sessions.save(id, command.tag(), State.CASE, text);
        figures.record(command.tag(), Outcome.CASE_OPENED, id, message.channel());
    }

    private void help(MessageReceived message, List<Command> enabled) {
        var text = BotVoice.help(enabled.stream().map(Command::tag).toList());
        triage.replyAutomatically(message.conversationId(), text);
        figures.record(Figures.UNKNOWN, Outcome.HELP, message.conversationId(), message.channel());
    }

    /** Closes a conversation the bot settled, tagged so it counts as deflected; the customer can open it again. */
    void resolve(long conversationId, String tag, String channel) {
        triage.tag(conversationId, List.of("self-service"));
        if (automated.resolveAnswered(conversationId)) {
            figures.record(tag, Outcome.RESOLVED, conversationId, channel);
        }
    }

    private @Nullable String angry(MessageReceived message) {
        var analysis = analyser.analyse(message.text());
        return analysis.sentiment() == Sentiment.NEGATIVE && analysis.score() <= ANGER
                ? "the customer sounds angry (" + String.format(java.util.Locale.ROOT, "%.2f", analysis.score()) + ")"
                : null;
    }
}
