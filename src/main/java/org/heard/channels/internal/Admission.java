package org.heard.channels.internal;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many webhook requests may wait for the inbound log's next commit at once. Beyond that, a delivery
 * waits a moment for a place and is then answered 503 with Retry-After: the network retries it later,
 * nothing waits without bound in memory, and no request dies of an exhausted connection pool with a 500.
 */
@Component
class Admission {

    private final Semaphore places;
    private final Duration patience;

    Admission(
            @Value("${heard.webhooks.max-waiting:1000}") int concurrentWrites,
            @Value("${heard.webhooks.admission-wait:2s}") Duration patience) {
        this.places = new Semaphore(concurrentWrites, true);
        this.patience = patience;
    }

    <T> T admit(Supplier<T> work) {
        boolean admitted;
        try {
            admitted = places.tryAcquire(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Overloaded();
        }
        if (!admitted) {
            throw new Overloaded();
        }
        try {
            return work.get();
        } finally {
            places.release();
        }
    }

    /** Heard is taking in more than it can write right now. */
    static final class Overloaded extends RuntimeException {
        Overloaded() {
            super("Heard is receiving more than it can record right now; deliver this again shortly.");
        }
    }
}
