package org.heard.triage.rules;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a rule does when it applies. Anything left empty or {@code null} is not done.
 *
 * @param tags tags to add to the conversation
 * @param queue the key of the queue to put the conversation in
 * @param priority the least priority the conversation gets: {@code urgent}, {@code high},
 *     {@code normal} or a number from 0 to 100
 * @param assignee the user id of the colleague to hand the conversation to
 * @param autoReply an automated reply, sent as Heard (marked automated), never as a person
 */
record RuleActions(
        List<String> tags,
        @Nullable String queue,
        @Nullable String priority,
        @Nullable Long assignee,
        @Nullable String autoReply) {

    static final int AUTO_REPLY_LIMIT = 500;

    RuleActions {
        tags = RuleConditions.tidy(tags, RuleConditions::lower);
        queue = blankAsNull(queue) == null ? null : RuleConditions.lower(queue);
        priority = blankAsNull(priority) == null ? null : RuleConditions.lower(priority);
        autoReply = blankAsNull(autoReply) == null ? null : autoReply.strip();
    }

    /** Whether the rule would do nothing. */
    boolean none() {
        return tags.isEmpty() && queue == null && priority == null && assignee == null && autoReply == null;
    }

    /**
     * The priority floor as a number, or {@code null} when none is set.
     *
     * @throws RuleInvalid when the priority is neither a known name nor a number 0–100
     */
    @Nullable
    Integer priorityFloor() {
        if (priority == null) {
            return null;
        }
        var floor = switch (priority) {
            case "urgent" -> 90;
            case "high" -> 60;
            case "normal" -> 30;
            default -> number(priority);
        };
        if (floor < 0 || floor > 100) {
            throw unknownPriority();
        }
        return floor;
    }

    private int number(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw unknownPriority();
        }
    }

    private RuleInvalid unknownPriority() {
        return new RuleInvalid("Priority is urgent (90), high (60), normal (30) or a number from 0 to 100," + " not `"
                + priority + "`. Pick one and save again.");
    }

    private static @Nullable String blankAsNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
