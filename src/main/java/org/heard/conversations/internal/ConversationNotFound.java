package org.heard.conversations.internal;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Asked for a conversation (or a message in it) that does not exist. */
public class ConversationNotFound extends ResponseStatusException {

    ConversationNotFound(String what) {
        super(HttpStatus.NOT_FOUND, "There is no " + what + ".");
    }
}
