package org.heard.triage.pipeline;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the supervisors' rules decided for one message, all matching rules taken together in order.
 *
 * @param tags tags to add
 * @param queue the queue to put the conversation in, or {@code null} to leave routing to Heard
 * @param priorityFloor the least priority the conversation gets (0–100), or {@code null}
 * @param assignee a colleague to hand it to, or {@code null}
 * @param autoReply an automated reply to send, or {@code null}
 * @param fired the names of the rules that matched, for the priority's reason and the audit
 */
public record RuleOutcome(
        Set<String> tags,
        @Nullable String queue,
        @Nullable Integer priorityFloor,
        @Nullable Long assignee,
        @Nullable String autoReply,
        List<String> fired) {

    public static final RuleOutcome NONE = new RuleOutcome(Set.of(), null, null, null, null, List.of());

    public RuleOutcome {
        tags = Set.copyOf(tags);
        fired = List.copyOf(fired);
    }
}
