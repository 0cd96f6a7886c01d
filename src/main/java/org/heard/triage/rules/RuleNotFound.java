package org.heard.triage.rules;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Asked for a rule that does not exist (any more). */
class RuleNotFound extends ResponseStatusException {

    RuleNotFound(long id) {
        super(HttpStatus.NOT_FOUND, "There is no rule " + id + "; someone may have deleted it. Reload the rules.");
    }
}
