package org.heard.conversations;

import org.jspecify.annotations.Nullable;

/**
 * What became of a reply given to {@link ConversationReplies}: stored and in the outbox, or stored and held.
 *
 * @param messageId the stored reply, as {@link org.heard.channels.OutboundMessageSent} will name it
 * @param heldBecause why it waits for approval, or null when it went to the outbox
 */
public record ReplyReceipt(long messageId, @Nullable String heldBecause) {

    /** Whether the reply waits for someone to release it. */
    public boolean held() {
        return heldBecause != null;
    }
}
