package org.heard.replies.broadcasts;

/**
 * Turns a broadcast's text into the words one recipient gets. The text goes as written until variables such as
 * {@code {{first_name}}} are filled in here, per conversation.
 */
interface BroadcastText {

    String forRecipient(String text, long conversationId);
}
