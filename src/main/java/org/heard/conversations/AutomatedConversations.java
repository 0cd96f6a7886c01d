package org.heard.conversations;

import org.heard.platform.Refused;

/**
 * What a bot may do in a conversation beyond triage's automated replies: write to the customer privately on the
 * same network, leave colleagues a note, and close what it fully answered. Every message it sends is marked as
 * automated and never counts as a person's response. Each method joins the caller's transaction, or runs in its
 * own, and announces the change as a {@link ConversationChanged}.
 */
public interface AutomatedConversations {

    /**
     * Sends an automated private message to the conversation's customer on the conversation's own network and
     * account. A public conversation goes on privately, as when an agent continues it privately; when the customer
     * already has an open private conversation there, the message goes in that one.
     *
     * @return the conversation the message went in
     * @throws Refused when the network does not let the brand write privately first, or the
     *     message does not fit it
     */
    long replyPrivately(long conversationId, String text);

    /** Leaves colleagues a note written by Heard itself, not by a colleague. */
    void note(long conversationId, String text);

    /**
     * Resolves a conversation that automated answers settled; it opens again when the customer writes. One a
     * person has already answered is left alone, for it is theirs to close.
     *
     * @return whether it was resolved
     */
    boolean resolveAnswered(long conversationId);

    /**
     * The profile the conversation is with now: the one customer account on one network that a private link,
     * such as an account the customer connects, may belong to. Never the person's other, linked profiles.
     *
     * @throws Refused when the conversation does not exist
     */
    long profileOf(long conversationId);
}
