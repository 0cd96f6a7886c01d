package org.heard.identity.internal;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

class UserNotFound extends ResponseStatusException {

    UserNotFound(long id) {
        super(HttpStatus.NOT_FOUND, "There is no user " + id + ".");
    }
}
