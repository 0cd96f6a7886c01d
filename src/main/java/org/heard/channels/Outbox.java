package org.heard.channels;

/**
 * Replies waiting to be sent. {@link #enqueue} joins the caller's transaction, so a reply is stored
 * together with the message it belongs to, or not at all.
 */
public interface Outbox {

    void enqueue(OutboundMessage message);

    /** Sends a reply that gave up again, now. Returns whether there was such a reply. */
    boolean retry(long messageId);
}
