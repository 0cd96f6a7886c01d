package org.heard.conversations;

import java.util.Map;

/**
 * Hides personal data that customers posted in public from Heard's own views: the conversation shows a masked text
 * and a warning instead (the stored message keeps what the customer wrote).
 */
public interface MessageMasks {

    /** The customer's messages of a conversation that Heard shows masked, by message id; most have none. */
    Map<Long, Masked> masked(long conversationId);

    /** A customer's public text shown elsewhere, such as the inbox list's preview, masked the same way. */
    String masked(String text);

    /**
     * @param text the message as Heard shows it, such as "my card is •••• •••• •••• 4242"
     * @param warning what the agent reads next to it: "This public post shows the customer's payment card number."
     */
    record Masked(String text, String warning) {}
}
