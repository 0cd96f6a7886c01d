package org.heard.conversations;

/**
 * Where a conversation stands. New: nobody has touched it. Open: someone is on it. Pending: the team
 * answered and waits for the customer. Resolved: done, until the customer writes again.
 */
public enum ConversationStatus {
    NEW,
    OPEN,
    PENDING,
    RESOLVED
}
