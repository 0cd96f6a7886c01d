package org.heard.conversations;

import java.util.Map;

/**
 * Hides customers' personal data from Heard's own views: everything personal a customer posted in public, and the
 * payment details they sent privately. The conversation shows a masked text and a warning instead; the stored message
 * keeps what the customer wrote.
 */
public interface MessageMasks {

    /** The customer's messages of a conversation that Heard shows masked, by message id; most have none. */
    Map<Long, Masked> masked(long conversationId);

    /** A customer's text shown elsewhere, such as the inbox list's preview, masked the same way as its message. */
    String masked(String text, boolean inPublic);

    /** Records that this person read the unmasked text of a private message. */
    void revealed(long conversationId, long messageId, long byUserId);

    /**
     * @param text the message as Heard shows it, such as "my card is •••• •••• •••• 4242"
     * @param warning what the agent reads next to it: "This public post shows the customer's payment card number."
     * @param revealable whether a supervisor may read what it hides (private messages; a public post is public anyway,
     *     and an agent who needs it asks privately)
     */
    record Masked(String text, String warning, boolean revealable) {}
}
