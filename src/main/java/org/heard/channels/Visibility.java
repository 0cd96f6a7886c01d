package org.heard.channels;

/** Whether a message is seen by everyone on the network or only by the people in the chat. */
public enum Visibility {
    PUBLIC,
    PRIVATE
}
