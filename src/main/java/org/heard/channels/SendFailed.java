package org.heard.channels;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A network did not take a reply. {@code retryable} says whether trying again later may work; if the
 * network said how long to wait ({@code Retry-After}, a rate-limit reset), {@link #retryAfter()} says so
 * and Heard waits at least that long. A refusal carries the network's reason for the agent.
 */
public class SendFailed extends Exception {

    private final boolean retryable;
    private final @Nullable Duration retryAfter;

    public SendFailed(String message, boolean retryable) {
        this(message, retryable, null, null);
    }

    public SendFailed(String message, boolean retryable, @Nullable Throwable cause) {
        this(message, retryable, null, cause);
    }

    private SendFailed(String message, boolean retryable, @Nullable Duration retryAfter, @Nullable Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    /** The network is busy, limiting Heard or briefly broken: try again, no sooner than it asked. */
    public static SendFailed later(String message, @Nullable Duration retryAfter) {
        return new SendFailed(message, true, retryAfter, null);
    }

    /** The network will never take this reply as it is: an agent must change it or give up. */
    public static SendFailed refused(String message) {
        return new SendFailed(message, false, null, null);
    }

    public boolean retryable() {
        return retryable;
    }

    public @Nullable Duration retryAfter() {
        return retryAfter;
    }
}
