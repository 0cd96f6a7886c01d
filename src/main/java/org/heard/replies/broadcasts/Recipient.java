package org.heard.replies.broadcasts;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One recipient of a broadcast and what became of them.
 *
 * @param customer the person's name as their conversation has it now; null until looked up, or once the
 *     conversation is gone
 * @param reason why it failed, was skipped or waits; for a reply being sent, the network's last error if any
 * @param messageId the reply stored in the conversation, once there is one
 * @param handledAt when the worker took it
 */
public record Recipient(
        long id,
        long conversationId,
        String channel,
        @Nullable String customer,
        @Nullable String handle,
        RecipientState state,
        @Nullable String reason,
        @Nullable Long messageId,
        @Nullable Instant handledAt) {

    /** The same recipient with the person's name and handle as their conversation has them. */
    Recipient named(@Nullable String name, @Nullable String handle) {
        return new Recipient(id, conversationId, channel, name, handle, state, reason, messageId, handledAt);
    }
}
