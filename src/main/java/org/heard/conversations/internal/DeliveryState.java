package org.heard.conversations.internal;

/**
 * Where a message stands on the network: received from it, waiting to go, sent, or failed; or, before it
 * goes, held for approval, handed back to its author, scheduled for later, or withdrawn.
 */
public enum DeliveryState {
    RECEIVED,
    PENDING,
    SENT,
    FAILED,
    HELD,
    RETURNED,
    SCHEDULED,
    CANCELLED;

    /** Whether the message waits for a person or a time before it goes out. */
    public boolean waiting() {
        return this == HELD || this == SCHEDULED;
    }
}
