package org.heard.conversations.internal;

import org.heard.channels.Visibility;
import org.heard.conversations.MessageMasks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Masks customers' personal data wherever a conversation's preview is shown, as its thread does (all of it in a public
 * post, payment details in a private message): the inbox list and the live updates pushed to open inboxes alike.
 */
@Component
class PreviewMasks {

    // Found when asked: the masks live in a module that uses this one's services.
    private final ObjectProvider<MessageMasks> masks;

    PreviewMasks(ObjectProvider<MessageMasks> masks) {
        this.masks = masks;
    }

    /** A conversation's preview with the personal data its visibility hides masked, as in its thread. */
    String shown(String visibility, String preview) {
        boolean inPublic = Visibility.PUBLIC.name().equals(visibility);
        var shown = preview;
        for (var mask : masks) {
            shown = mask.masked(shown, inPublic);
        }
        return shown;
    }
}
