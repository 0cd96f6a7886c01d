package org.heard.triage;

/** How a message feels, read the way a person on social media would read it. */
public enum Sentiment {
    NEGATIVE,
    NEUTRAL,
    POSITIVE
}
