package org.heard.conversations;

import java.time.Instant;

/** A customer's message was threaded into a conversation. */
public record MessageReceived(
        long conversationId, long messageId, String channel, boolean newConversation, Instant receivedAt) {}
