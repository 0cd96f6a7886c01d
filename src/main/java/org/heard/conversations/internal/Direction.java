package org.heard.conversations.internal;

/** Whether a message came from the customer or went out from the team. */
public enum Direction {
    INBOUND,
    OUTBOUND
}
