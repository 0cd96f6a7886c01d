package org.heard.replies.broadcasts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import org.heard.platform.Worker;
import org.springframework.stereotype.Component;

/**
 * Sends running broadcasts, one recipient at a time, each network account at its pace. Everything it needs is in
 * the database, so after a restart, or on several nodes at once, it carries on where the broadcasts are.
 */
@Component
class BroadcastWorker extends Worker {

    /** How often new broadcasts are looked for when no nudge says so (one started on another node). */
    private static final Duration LOOK_AGAIN = Duration.ofSeconds(1);

    private final RecipientStore recipients;
    private final BroadcastStore broadcasts;
    private final RecipientSender sender;
    private final Pacing pacing;
    private final BroadcastPaces paces;
    private final BroadcastLive live;
    private final Clock clock;

    BroadcastWorker(
            RecipientStore recipients,
            BroadcastStore broadcasts,
            RecipientSender sender,
            Pacing pacing,
            BroadcastPaces paces,
            BroadcastLive live,
            Clock clock) {
        super("heard-broadcasts", LOOK_AGAIN);
        this.recipients = recipients;
        this.broadcasts = broadcasts;
        this.sender = sender;
        this.pacing = pacing;
        this.paces = paces;
        this.live = live;
        this.clock = clock;
    }

    @Override
    protected boolean work() {
        try {
            boolean more = drive();
            finishDone();
            return more;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Sends on every lane as its pace allows, until all are done or it is time to look for new broadcasts. Returns
     * whether lanes still had recipients.
     */
    private boolean drive() throws InterruptedException {
        var lanes = new ArrayList<>(recipients.lanes());
        var lookAgainAt = clock.instant().plus(LOOK_AGAIN);
        while (running() && !lanes.isEmpty()) {
            var soonest = LOOK_AGAIN;
            for (var it = lanes.iterator(); it.hasNext() && running(); ) {
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
        return nudgedWithin(turn.compareTo(untilLookAgain) < 0 ? turn : untilLookAgain);
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
}
