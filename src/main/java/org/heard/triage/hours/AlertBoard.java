package org.heard.triage.hours;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The service-level alerts a supervisor has in front of them: every conversation still waiting whose clock is close to
 * running out or has run out, grouped by queue. A queue the supervisor muted for their shift is listed with its
 * counts but adds nothing to the totals on the button.
 *
 * @param missed conversations past a target, in queues not muted
 * @param close conversations close to a target, in queues not muted
 */
public record AlertBoard(List<Queue> queues, int missed, int close) {

    static AlertBoard of(List<Queue> queues) {
        var missed = 0;
        var close = 0;
        for (var queue : queues) {
            if (queue.mutedUntil() == null) {
                missed += queue.missed();
                close += queue.close();
            }
        }
        return new AlertBoard(queues, missed, close);
    }

    /** What the button says: "2 missed · 1 close", or that nothing needs a look. */
    @JsonProperty
    public String summary() {
        if (missed == 0 && close == 0) {
            return "On time";
        }
        if (close == 0) {
            return missed + " missed";
        }
        return missed == 0 ? close + " close" : missed + " missed · " + close + " close";
    }

    /**
     * One queue's alerts, the most overdue first.
     *
     * @param key the queue's key; empty for conversations in no queue
     * @param mutedUntil when this supervisor's mute ends, or null when its alerts count
     * @param mutedUntilText the same, as the team's clock shows it: "23:10"
     */
    public record Queue(
            String key,
            String name,
            List<Alert> alerts,
            @Nullable Instant mutedUntil,
            @Nullable String mutedUntilText) {

        @JsonProperty
        public int missed() {
            return (int) alerts.stream().filter(Alert::missed).count();
        }

        @JsonProperty
        public int close() {
            return alerts.size() - missed();
        }

        /** Counts by kind, as a supervisor reads them: "2 missed first response · 1 close to next response". */
        @JsonProperty
        public String counts() {
            var parts = new ArrayList<String>();
            for (var missed : new boolean[] {true, false}) {
                for (var kind : ClockKind.values()) {
                    var n = alerts.stream()
                            .filter(a -> a.missed() == missed && a.kind() == kind)
                            .count();
                    if (n > 0) {
                        parts.add(n + (missed ? " missed " : " close to ") + kind.label());
                    }
                }
            }
            return String.join(" · ", parts);
        }
    }

    /**
     * A conversation whose clock is close to running out, or ran out.
     *
     * @param customer the customer's name as the inbox shows it
     * @param when the clock and its time left, as of the board's reading: "First response 6 min overdue"
     */
    public record Alert(
            long conversationId, String customer, ClockKind kind, Instant dueAt, boolean missed, String when) {

        static Alert of(
                long conversationId, String customer, ClockKind kind, Instant dueAt, boolean missed, Instant now) {
            var left = Duration.between(now, dueAt);
            var what =
                    Character.toUpperCase(kind.label().charAt(0)) + kind.label().substring(1);
            var when = left.isNegative()
                    ? what + " " + amount(left.negated()) + " overdue"
                    : what + " due in " + amount(left);
            return new Alert(conversationId, customer, kind, dueAt, missed, when);
        }

        /** Rounded down, as the inbox's countdowns say it: "under a minute", "6 min", "2 h", "3 d". */
        static String amount(Duration size) {
            if (size.toMinutes() < 1) {
                return "under a minute";
            }
            if (size.toMinutes() < 60) {
                return size.toMinutes() + " min";
            }
            return size.toHours() < 48 ? size.toHours() + " h" : size.toDays() + " d";
        }

        @JsonProperty
        public String link() {
            return "/inbox/" + conversationId;
        }
    }
}
