package org.heard.conversations;

import java.time.Instant;
import org.heard.channels.Visibility;
import org.jspecify.annotations.Nullable;

/**
 * An agent's reply was stored but waits for someone to release it through {@link HeldReplies}. Published in
 * the transaction that stores it.
 *
 * @param reason why it waits, as the check that held it said
 * @param sendAt when it is to go out once released, or null for at once
 */
public record ReplyHeld(
        long conversationId,
        long messageId,
        long userId,
        String channel,
        Visibility visibility,
        String text,
        String reason,
        @Nullable Instant sendAt) {}
