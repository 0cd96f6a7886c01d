package org.heard.conversations.internal;

import org.heard.channels.Visibility;

/** What an agent wants to send. A blank reply cannot exist. */
public record ReplyDraft(String text, Visibility visibility) {

    public ReplyDraft {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Write a reply before sending it.");
        }
        text = text.strip();
        if (visibility == null) {
            throw new IllegalArgumentException("Choose whether the reply is public or private.");
        }
    }
}
