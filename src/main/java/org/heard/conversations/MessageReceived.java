package org.heard.conversations;

import java.time.Instant;
import org.heard.channels.Visibility;

/**
 * A customer's message was threaded into a conversation. Published inside the transaction that
 * threads it, so a listener's decisions about the conversation commit together with the message.
 *
 * @param conversationId the conversation it joined or opened
 * @param messageId the stored message
 * @param contactId the person who wrote it, as Heard knows them
 * @param channel the network it came from
 * @param visibility public post or private message
 * @param text what the customer wrote
 * @param newConversation whether this message opened the conversation
 * @param sentAt when the network says it was written
 * @param receivedAt when Heard threaded it
 */
public record MessageReceived(
        long conversationId,
        long messageId,
        long contactId,
        String channel,
        Visibility visibility,
        String text,
        boolean newConversation,
        Instant sentAt,
        Instant receivedAt) {}
