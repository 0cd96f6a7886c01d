package org.heard.conversations;

/**
 * A reply held for approval or scheduled for later was withdrawn before it went out. Published in the
 * transaction that withdraws it.
 *
 * @param byUserId who withdrew it
 */
public record ReplyWithdrawn(long conversationId, long messageId, long byUserId) {}
