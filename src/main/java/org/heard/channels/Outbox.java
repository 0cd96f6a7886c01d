package org.heard.channels;

/**
 * Replies waiting to be sent. {@link #enqueue} joins the caller's transaction, so a reply is stored
 * together with the message it belongs to, or not at all.
 */
public interface Outbox {

    void enqueue(OutboundMessage message);

    /**
     * Puts a brand post that answers no one in the outbox, in the caller's transaction. It is sent once, like a
     * reply, with the key {@code heard-post-<postId>}; its outcome is announced as {@link BrandPostSent} or
     * {@link BrandPostFailed}.
     *
     * @param postId the posting module's own id for the post
     */
    void enqueuePost(long postId, PostTarget target, String text);

    /** Sends a reply that gave up again, now. Returns whether there was such a reply. */
    boolean retry(long messageId);
}
