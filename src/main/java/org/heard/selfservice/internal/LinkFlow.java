package org.heard.selfservice.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.heard.conversations.ConversationTriage;
import org.heard.selfservice.internal.AccountSystem.LookupFailed;
import org.heard.selfservice.internal.BotSessions.State;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What happens behind a one-time link's page: the customer proves an account with the company's system, the link
 * is used up, the profile is connected to the account, and the answer owed goes out privately. A link used, expired
 * or worn out by wrong tries connects nothing.
 */
@Component
public class LinkFlow {

    private static final Logger log = LoggerFactory.getLogger(LinkFlow.class);

    /** What the page shows for a link. */
    public sealed interface Outcome {}

    /** The link can be used: connect an account to get this command's answer. */
    public record Open(String tag, String channel, long minutesLeft) implements Outcome {}

    /** Used, expired, worn out or never issued: nothing was, or will be, connected with it. */
    public record Gone(String reason, @Nullable String tag) implements Outcome {}

    /** The details open no account; the customer may try again. */
    public record WrongDetails(String tag, String channel, long minutesLeft, int triesLeft) implements Outcome {}

    /** Connected; the answer goes out privately on the customer's network. */
    public record Connected(String tag, String channel) implements Outcome {}

    /** The company's system cannot check details now; a person follows up in the conversation. */
    public record Unavailable(String tag) implements Outcome {}

    private final AccountLinks links;
    private final AccountSystem system;
    private final AccountAnswers answers;
    private final Handover handover;
    private final BotSessions sessions;
    private final Figures figures;
    private final ConversationTriage triage;
    private final Clock clock;
    private final TransactionTemplate transactions;

    LinkFlow(
            AccountLinks links,
            AccountSystem system,
            AccountAnswers answers,
            Handover handover,
            BotSessions sessions,
            Figures figures,
            ConversationTriage triage,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.links = links;
        this.system = system;
        this.answers = answers;
        this.handover = handover;
        this.sessions = sessions;
        this.figures = figures;
        this.triage = triage;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactions);
    }

    public Outcome open(String token) {
        return links.pending(token)
                .<Outcome>map(link -> new Open(link.tag(), channel(link), minutesLeft(link)))
                .orElseGet(() -> gone(token, null));
    }

    /** Checks the details with the company's system and, if they open an account, connects it once. */
    public Outcome connect(String token, @Nullable String account, @Nullable String secret) {
        var pending = links.pending(token);
        if (pending.isEmpty()) {
            return gone(token, null);
        }
        var link = pending.get();
        if (account == null || account.isBlank() || secret == null || secret.isBlank()) {
            return new WrongDetails(link.tag(), channel(link), minutesLeft(link), AccountLinks.MAX_ATTEMPTS);
        }
        Optional<String> ref;
        try {
            ref = system.verify(account.strip(), secret.strip());
        } catch (LookupFailed e) {
            log.warn(
                    "Conversation {}: the account system could not check details: {}",
                    link.conversationId(),
                    e.getMessage());
            transactions.executeWithoutResult(status -> {
                if (links.consume(token).isPresent()) {
                    handover.handOver(
                            link.conversationId(),
                            link.tag(),
                            "the account system could not check the customer's details (" + e.getMessage() + ")",
                            "(opened the link to connect their account)",
                            BotVoice.HANDOVER);
                }
            });
            return new Unavailable(link.tag());
        }
        if (ref.isEmpty()) {
            int left = links.failedAttempt(token);
            return left == 0
                    ? gone(token, "Those details were wrong too many times, so this link no longer works.")
                    : new WrongDetails(link.tag(), channel(link), minutesLeft(link), left);
        }
        Boolean connected = transactions.execute(status -> {
            if (links.consume(token).isEmpty()) {
                return false;
            }
            links.link(link.identityId(), ref.get());
            sessions.save(link.conversationId(), link.tag(), State.ANSWERED, "(account connected)");
            figures.record(link.tag(), Figures.Outcome.LINKED, link.conversationId(), channel(link));
            return true;
        });
        if (!Boolean.TRUE.equals(connected)) {
            return gone(token, null);
        }
        answers.answer(new Bot.AccountQuestion(link.conversationId(), link.tag(), ref.get(), false));
        return new Connected(link.tag(), channel(link));
    }

    private Gone gone(String token, @Nullable String reason) {
        return new Gone(
                reason != null ? reason : "This link has expired or was already used, so nothing was connected.",
                links.tagOf(token).orElse(null));
    }

    private String channel(AccountLinks.PendingLink link) {
        return triage.facts(link.conversationId()).map(f -> f.channel()).orElse("your network");
    }

    private long minutesLeft(AccountLinks.PendingLink link) {
        return Math.max(1, Duration.between(clock.instant(), link.expiresAt()).toMinutes());
    }
}
