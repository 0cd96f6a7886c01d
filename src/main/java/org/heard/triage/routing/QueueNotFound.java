package org.heard.triage.routing;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A queue that does not exist was asked for. */
public class QueueNotFound extends ResponseStatusException {

    public QueueNotFound(String key) {
        super(HttpStatus.NOT_FOUND, "There is no queue \"" + key + "\"; the queues are listed at /api/triage/queues.");
    }
}
