package org.heard.conversations.internal;

import java.time.Instant;
import org.heard.channels.TemplateChoice;
import org.heard.channels.Visibility;
import org.heard.platform.Refused;
import org.jspecify.annotations.Nullable;

/**
 * What an agent wants to send. A blank reply cannot exist.
 *
 * @param template the approved template it sends, whose filled-in body is the text; null for a free-form reply
 * @param sendAt when to send it, or null for at once
 */
public record ReplyDraft(
        String text,
        Visibility visibility,
        @Nullable TemplateChoice template,
        @Nullable Instant sendAt) {

    public ReplyDraft(String text, Visibility visibility) {
        this(text, visibility, null, null);
    }

    public ReplyDraft(String text, Visibility visibility, @Nullable TemplateChoice template) {
        this(text, visibility, template, null);
    }

    public ReplyDraft {
        if (text == null || text.isBlank()) {
            throw new Refused("Write a reply before sending it.");
        }
        text = text.strip();
        if (visibility == null) {
            throw new Refused("Choose whether the reply is public or private.");
        }
        if (template != null && visibility != Visibility.PRIVATE) {
            throw new Refused("A template is a private message.");
        }
    }
}
