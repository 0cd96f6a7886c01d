package org.heard.replies.broadcasts;

import org.springframework.stereotype.Component;

/** Every recipient gets the broadcast's text exactly as it was written. */
@Component
class TextAsWritten implements BroadcastText {

    @Override
    public String forRecipient(String text, long conversationId) {
        return text;
    }
}
