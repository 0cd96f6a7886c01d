package org.heard.channels;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A try to publish a brand post failed.
 *
 * @param nextAttemptAt when Heard tries again, or null if it gave up
 */
public record BrandPostFailed(
        long postId, String error, @Nullable Instant nextAttemptAt) {

    public boolean willRetry() {
        return nextAttemptAt != null;
    }
}
