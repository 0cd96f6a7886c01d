package org.heard.conversations;

import java.util.List;
import org.heard.platform.Refused;
import org.jspecify.annotations.Nullable;

/**
 * Replies that wait before they go out: held for approval, or scheduled for later. Each method runs in the
 * caller's transaction or its own, and refuses, with {@link Refused}, a reply that is not
 * waiting in the way it expects.
 */
public interface HeldReplies {

    /**
     * Lets a held reply go: at its scheduled time if it has one still ahead, otherwise at once.
     *
     * @param editedText the approver's version of the text, or null to send it as written
     */
    void release(long messageId, @Nullable String editedText);

    /** Hands a held reply back to its author with a comment, saying who sent it back; it is not sent. */
    void sendBack(long messageId, long byUserId, String comment);

    /** Withdraws a held or scheduled reply before it is sent; {@link ReplyWithdrawn} says so. */
    void cancel(long messageId, long byUserId);

    /** The text of a waiting reply, as it would be sent now. */
    String text(long messageId);

    /** A team reply, waiting or not, with the end of its conversation before it for context. */
    WaitingReply find(long messageId);

    /** Replies scheduled for a time, held for approval or not, soonest first. */
    List<WaitingReply> scheduled();
}
