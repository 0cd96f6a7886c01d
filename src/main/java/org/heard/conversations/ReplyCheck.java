package org.heard.conversations;

/**
 * Looks at an agent's reply before it is stored and sent, for example for personal data in public or for
 * an approval rule. Every check is asked; a refusal wins over a hold, a hold over sending. Runs inside the
 * transaction that would store the reply.
 */
public interface ReplyCheck {

    ReplyVerdict check(ReplyAttempt attempt);
}
