package org.heard.conversations;

import org.jspecify.annotations.Nullable;

/**
 * Replies that wait before they go out: held for approval, or scheduled for later. Each method runs in the
 * caller's transaction or its own, and refuses, with {@link IllegalArgumentException}, a reply that is not
 * waiting in the way it expects.
 */
public interface HeldReplies {

    /**
     * Lets a held reply go: at its scheduled time if it has one still ahead, otherwise at once.
     *
     * @param editedText the approver's version of the text, or null to send it as written
     */
    void release(long messageId, @Nullable String editedText);

    /** Hands a held reply back to its author with a comment; it is not sent. */
    void sendBack(long messageId, String comment);

    /** Withdraws a held or scheduled reply before it is sent. */
    void cancel(long messageId);

    /** The text of a waiting reply, as it would be sent now. */
    String text(long messageId);
}
