package org.heard.conversations.internal;

import org.heard.channels.Visibility;
import org.heard.conversations.MessageMasks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Masks personal data a customer posted in public wherever a conversation's preview is shown: the inbox list and
 * the live updates pushed to open inboxes alike.
 */
@Component
class PreviewMasks {

    // Found when asked: the masks live in a module that uses this one's services.
    private final ObjectProvider<MessageMasks> masks;

    PreviewMasks(ObjectProvider<MessageMasks> masks) {
        this.masks = masks;
    }

    /** A public conversation's preview with any personal data the customer posted masked; a private one as it is. */
    String shown(String visibility, String preview) {
        if (!Visibility.PUBLIC.name().equals(visibility)) {
            return preview;
        }
        var shown = preview;
        for (var mask : masks) {
            shown = mask.masked(shown);
        }
        return shown;
    }
}
