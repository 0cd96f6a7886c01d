package org.heard.platform;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A thread that does a piece of work whenever it is nudged, and at least every {@code idle} in case a
 * nudge was lost (another node wrote the work, or this node restarted). A round that fails is logged and tried
 * again after {@code idle}; stopping interrupts the thread and waits for the round to end.
 */
public abstract class Worker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Worker.class);

    private final String name;
    private final Duration idle;
    private final Semaphore nudges = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    protected Worker(String name, Duration idle) {
        this.name = name;
        this.idle = idle;
    }

    /** Does one round of work; returns true if there may be more right away. */
    protected abstract boolean work();

    /** Asks for a round of work now rather than after {@code idle}; nudges that come together make one round. */
    public void nudge() {
        if (nudges.availablePermits() == 0) {
            nudges.release();
        }
    }

    /**
     * Waits inside a round, for work paced over time, until the time passes or a nudge comes.
     *
     * @return whether a nudge came
     */
    protected boolean nudgedWithin(Duration wait) throws InterruptedException {
        return nudges.tryAcquire(Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS);
    }

    /** Whether the worker is still meant to run: a long round checks it to stop in time. */
    protected boolean running() {
        return running;
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name(name).daemon().start(this::loop);
    }

    private void loop() {
        while (running) {
            try {
                drain(this::work);
                nudges.tryAcquire(idle.toMillis(), TimeUnit.MILLISECONDS);
                nudges.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running) {
                    log.error("{} failed a round of work; it tries again", name, e);
                    pause();
                }
            }
        }
    }

    private void drain(BooleanSupplier round) {
        while (running && round.getAsBoolean()) {
            // keep going while there is work
        }
    }

    private void pause() {
        try {
            Thread.sleep(idle.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
