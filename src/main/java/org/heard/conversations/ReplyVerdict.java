package org.heard.conversations;

/**
 * What a check before sending says of a reply: send it, refuse it with a reason the agent can act on, or
 * hold it until a person approves it.
 */
public sealed interface ReplyVerdict {

    /** Nothing in the way. */
    ReplyVerdict SEND = new Send();

    record Send() implements ReplyVerdict {}

    /**
     * Not sent, and not stored.
     *
     * @param reason what is wrong and what to do, in words for the agent
     * @param movePrivate whether replying privately would be allowed instead
     */
    record Refuse(String reason, boolean movePrivate) implements ReplyVerdict {}

    /**
     * Stored, but not sent until released.
     *
     * @param reason why it waits, for example the approval rule that caught it
     */
    record Hold(String reason) implements ReplyVerdict {}
}
