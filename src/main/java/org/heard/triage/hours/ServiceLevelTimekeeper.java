package org.heard.triage.hours;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.heard.conversations.ConversationChanged;
import org.heard.conversations.ConversationStatus;
import org.heard.conversations.ConversationTriage;
import org.heard.conversations.MessageReceived;
import org.heard.conversations.TeamReplied;
import org.heard.triage.pipeline.ServiceLevels;
import org.heard.triage.pipeline.TriageSubject;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts and stops a conversation's service-level clocks and keeps its due time on the nearest one. A
 * customer's message starts the first-response clock (next-response once a person has answered) and
 * the resolution clock; a person's reply stops the response clock, an automated reply never does;
 * resolving stops them all. Changes join the transaction of the message or reply that caused them.
 */
@Service
class ServiceLevelTimekeeper implements ServiceLevels {

    private final Calendars calendars;
    private final ServiceLevelPolicies policies;
    private final ServiceLevelClocks clocks;
    private final ConversationTriage triage;
    private final AwayReplies awayReplies;
    private final Clock clock;

    ServiceLevelTimekeeper(
            Calendars calendars,
            ServiceLevelPolicies policies,
            ServiceLevelClocks clocks,
            ConversationTriage triage,
            AwayReplies awayReplies,
            Clock clock) {
        this.calendars = calendars;
        this.policies = policies;
        this.clocks = clocks;
        this.triage = triage;
        this.awayReplies = awayReplies;
        this.clock = clock;
    }

    @Override
    @Transactional
    public @Nullable Instant customerWrote(TriageSubject subject, @Nullable String queue) {
        var message = subject.message();
        long id = message.conversationId();
        var teamHours = calendars.forQueue(queue);
        var policy = policies.applicableTo(queue, message.channel());
        var counted = policy.businessHours() ? teamHours : BusinessCalendar.roundTheClock(teamHours.zone());
        var running = clocks.running(id);
        var since = waitingSince(message);
        if (running.stream().noneMatch(c -> c.kind().response())) {
            var kind = subject.conversation().firstResponseAt() == null
                    ? ClockKind.FIRST_RESPONSE
                    : ClockKind.NEXT_RESPONSE;
            start(id, kind, policy, since, counted);
        }
        if (running.stream().noneMatch(c -> c.kind() == ClockKind.RESOLUTION)) {
            start(id, ClockKind.RESOLUTION, policy, since, counted);
        }
        awayReplies.customerWrote(subject, teamHours);
        return showDue(id);
    }

    /**
     * The customer has waited since they wrote, not since Heard heard it: a webhook delivered late (or
     * read from the inbound log after a restart) does not reset their wait. A network's timestamp more
     * than a day before arrival is not trusted that far.
     */
    static Instant waitingSince(MessageReceived message) {
        var earliest = message.receivedAt().minus(java.time.Duration.ofDays(1));
        if (message.sentAt().isAfter(message.receivedAt())) {
            return message.receivedAt();
        }
        return message.sentAt().isBefore(earliest) ? earliest : message.sentAt();
    }

    /** A person answered: the customer is no longer waiting for a response. */
    @EventListener
    @Transactional
    void teamReplied(TeamReplied reply) {
        if (reply.automated() || reply.userId() == null) {
            return;
        }
        if (clocks.stop(
                        reply.conversationId(),
                        List.of(ClockKind.FIRST_RESPONSE, ClockKind.NEXT_RESPONSE),
                        reply.at(),
                        "reply")
                > 0) {
            showDue(reply.conversationId());
        }
    }

    /** Resolved: nothing is owed any more, until the customer writes again. */
    @EventListener
    @Transactional
    void changed(ConversationChanged change) {
        if (change.status() != ConversationStatus.RESOLVED) {
            return;
        }
        if (clocks.stop(change.id(), List.of(ClockKind.values()), clock.instant(), "resolved") > 0) {
            showDue(change.id());
        }
    }

    private void start(
            long conversationId, ClockKind kind, ServiceLevelPolicy policy, Instant at, BusinessCalendar counted) {
        var deadline = policy.deadline(kind, at, counted);
        if (deadline != null) {
            clocks.start(conversationId, kind, policy, at, deadline);
        }
    }

    /** Puts the nearest running deadline on the conversation, for the inbox's countdown and its order. */
    private @Nullable Instant showDue(long conversationId) {
        var nearest = clocks.running(conversationId).stream()
                .min(Comparator.comparing(ServiceLevelClock::dueAt))
                .orElse(null);
        triage.due(
                conversationId,
                nearest == null ? null : nearest.dueAt(),
                nearest == null ? null : nearest.kind().label());
        return nearest == null ? null : nearest.dueAt();
    }
}
