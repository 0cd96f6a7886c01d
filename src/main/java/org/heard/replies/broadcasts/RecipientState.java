package org.heard.replies.broadcasts;

import java.util.Locale;

/**
 * What became of one recipient of a broadcast. Pending: not yet handled. Sending: the reply is stored in the
 * conversation and in the outbox. Sent: the network took it. Held: it waits for approval. Failed: the reply was
 * refused or the network would not take it, with the reason. Skipped: the person gets this update in another of
 * their conversations. Cancelled: the broadcast was cancelled before it reached them.
 */
public enum RecipientState {
    PENDING("waiting to send"),
    SENDING("sending"),
    SENT("sent"),
    HELD("waiting for approval"),
    FAILED("failed"),
    SKIPPED("skipped"),
    CANCELLED("cancelled");

    private final String words;

    RecipientState(String words) {
        this.words = words;
    }

    /** The state as the progress page says it. */
    public String words() {
        return words;
    }

    public String css() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the worker is done with this recipient. */
    public boolean handled() {
        return this != PENDING;
    }
}
