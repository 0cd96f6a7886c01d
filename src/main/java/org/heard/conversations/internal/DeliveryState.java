package org.heard.conversations.internal;

/** Where a message stands on the network: received from it, waiting to go, sent, or failed. */
public enum DeliveryState {
    RECEIVED,
    PENDING,
    SENT,
    FAILED
}
