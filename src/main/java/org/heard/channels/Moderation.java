package org.heard.channels;

/** What the brand may do to a customer's public comment besides answering it. */
public enum Moderation {
    LIKE,
    UNLIKE,
    /** Hidden from everyone but its author and their friends; the author is not told. */
    HIDE,
    UNHIDE
}
