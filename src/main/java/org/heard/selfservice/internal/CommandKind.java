package org.heard.selfservice.internal;

/**
 * What a hashtag command does. ANSWER: the same public text for everyone. ACCOUNT: values from the company's own
 * system, privately, once the customer has connected their account through a one-time link. CASE: a conversation
 * for a person, raised in its queue, and the customer is told so.
 */
public enum CommandKind {
    ANSWER,
    ACCOUNT,
    CASE
}
