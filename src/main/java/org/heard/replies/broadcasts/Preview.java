package org.heard.replies.broadcasts;

import java.util.List;
import org.heard.conversations.ConversationCount;
import org.heard.conversations.ConversationSummary;

/**
 * Who a broadcast would reach if it started now, before anyone presses Start.
 *
 * @param audience the filter as a person reads it
 * @param count how many conversations and people match, by channel
 * @param sample the first few of them
 * @param warnings what would keep some recipients from getting it, in words a supervisor can act on
 */
public record Preview(
        String audience, ConversationCount count, List<ConversationSummary> sample, List<String> warnings) {

    /** How many replies would go out: one per person. */
    public long replies() {
        return count.customers();
    }
}
