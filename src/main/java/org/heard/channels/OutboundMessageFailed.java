package org.heard.channels;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A try to send a reply failed.
 *
 * @param nextAttemptAt when Heard tries again, or null if it gave up and waits for a person
 */
public record OutboundMessageFailed(
        long messageId, String error, @Nullable Instant nextAttemptAt) {

    public boolean willRetry() {
        return nextAttemptAt != null;
    }
}
