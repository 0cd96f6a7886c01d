package org.heard.replies.broadcasts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends running broadcasts, one recipient at a time, each network account at its pace. Everything it needs is in
 * the database, so after a restart, or on several nodes at once, it carries on where the broadcasts are.
 */
@Component
class BroadcastWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BroadcastWorker.class);
    /** How often new broadcasts are looked for when no nudge says so (one started on another node). */
    private static final Duration LOOK_AGAIN = Duration.ofSeconds(1);

    private final RecipientStore recipients;
    private final BroadcastStore broadcasts;
    private final RecipientSender sender;
    private final Pacing pacing;
    private final BroadcastPaces paces;
    private final BroadcastLive live;
    private final Clock clock;
    private final Semaphore nudges = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    BroadcastWorker(
            RecipientStore recipients,
            BroadcastStore broadcasts,
            RecipientSender sender,
            Pacing pacing,
            BroadcastPaces paces,
            BroadcastLive live,
            Clock clock) {
        this.recipients = recipients;
        this.broadcasts = broadcasts;
        this.sender = sender;
        this.pacing = pacing;
        this.paces = paces;
        this.live = live;
        this.clock = clock;
    }

    /** A broadcast started here: look at once instead of at the next second. */
    void nudge() {
        if (nudges.availablePermits() == 0) {
            nudges.release();
        }
    }

    private void loop() {
        while (running) {
            try {
                boolean more = drive();
                finishDone();
                if (!more) {
                    nudges.tryAcquire(LOOK_AGAIN.toMillis(), TimeUnit.MILLISECONDS);
                    nudges.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running) {
                    log.error("Sending broadcasts failed a round; trying again", e);
                    sleep(LOOK_AGAIN);
                }
            }
        }
    }

    /**
     * Sends on every lane as its pace allows, until all are done or it is time to look for new broadcasts. Returns
     * whether lanes still had recipients.
     */
    private boolean drive() throws InterruptedException {
        var lanes = new ArrayList<>(recipients.lanes());
        var lookAgainAt = clock.instant().plus(LOOK_AGAIN);
        while (running && !lanes.isEmpty()) {
            var soonest = LOOK_AGAIN;
            for (var it = lanes.iterator(); it.hasNext() && running; ) {
                var lane = it.next();
                var wait = turn(lane);
                if (wait.isPositive()) {
                    soonest = soonest.compareTo(wait) < 0 ? soonest : wait;
                } else if (sender.sendNext(lane)) {
                    soonest = Duration.ZERO;
                } else {
                    it.remove();
                }
            }
            var now = clock.instant();
            if (!now.isBefore(lookAgainAt)
                    || soonest.isPositive() && waitOrNudged(soonest, Duration.between(now, lookAgainAt))) {
                return !lanes.isEmpty();
            }
        }
        return false;
    }

    /** Waits for the next turn; returns true when a nudge says there is a new broadcast to look at. */
    private boolean waitOrNudged(Duration turn, Duration untilLookAgain) throws InterruptedException {
        var wait = turn.compareTo(untilLookAgain) < 0 ? turn : untilLookAgain;
        return nudges.tryAcquire(Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS);
    }

    /** Takes a turn for the lane: zero when it may send now, else how long until it may. */
    private Duration turn(RecipientStore.Lane lane) {
        var own = lane.pace() == null ? null : Pace.parse(lane.pace());
        var broadcastKey = "broadcast:" + lane.broadcastId();
        if (own != null) {
            var wait = pacing.untilFree(broadcastKey, own);
            if (wait.isPositive()) {
                return wait;
            }
        }
        var wait = pacing.take("account:" + lane.channel() + ":" + lane.account(), paces.of(lane.channel()));
        if (wait.isPositive() || own == null) {
            return wait;
        }
        return pacing.take(broadcastKey, own);
    }

    private void finishDone() {
        for (var broadcast : broadcasts.running()) {
            if (broadcasts.finishIfDone(broadcast, Instant.now(clock))) {
                live.changed(broadcast);
            }
        }
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("heard-broadcasts").daemon().start(this::loop);
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
