package org.heard.conversations;

/**
 * Turns the text an agent wrote into the text the customer reads, before the checks and before it is stored: for
 * example fills in a saved reply's variables and signs it in the agent's name where the team signs replies on that
 * channel. Every one is asked, in order, each with the text the one before made. Not asked for automated replies or
 * approved templates, whose text is final.
 */
public interface ReplyFinishing {

    /** The reply's text as it goes out; the attempt's own text when there is nothing to change. */
    String finish(ReplyAttempt attempt);
}
