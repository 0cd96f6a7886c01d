package org.heard.conversations.internal;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Holds a transaction open on another thread until the story lets it go on, as the concurrency stories do. */
final class StoryLatch {

    private StoryLatch() {}

    /** Waits for the latch; if the story never opens it in time, says what never happened. */
    static void waitFor(CountDownLatch latch, Duration patience, String neverHappened) {
        try {
            if (!latch.await(patience.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException(neverHappened);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
