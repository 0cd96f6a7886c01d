package org.heard.triage.hours;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What supervisors see when a conversation nears or misses a service level.
 *
 * @param what the clock: {@code first-response}, {@code next-response} or {@code resolution}
 * @param message the sentence to show, with the due time in the team's zone
 * @param link where the conversation opens
 */
public record ServiceLevelAlert(
        long conversationId, String what, Instant dueAt, boolean warning, Instant at, String message, String link) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    static ServiceLevelAlert of(
            long conversationId, ClockKind kind, Instant dueAt, boolean warning, Instant at, ZoneId zone) {
        var due = TIME.withZone(zone).format(dueAt);
        var message = warning
                ? "Conversation #" + conversationId + " is close to missing its " + kind.label() + " (due " + due + ")"
                : "Conversation #" + conversationId + " missed its " + kind.label() + " (due " + due + ")";
        return new ServiceLevelAlert(
                conversationId, kind.key(), dueAt, warning, at, message, "/inbox/" + conversationId);
    }
}
