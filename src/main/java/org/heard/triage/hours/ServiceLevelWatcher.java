package org.heard.triage.hours;

import java.time.Clock;
import java.time.Instant;
import org.heard.triage.ServiceLevelBreached;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Watches the running clocks and announces, once each, the warning and the breach of every clock as a
 * {@link ServiceLevelBreached}. Each batch locks its clocks and marks them in the transaction that
 * publishes, so several Heard nodes never announce the same one twice, and a restart never repeats one.
 */
@Component
public class ServiceLevelWatcher {

    private static final int BATCH = 100;

    private final ServiceLevelClocks clocks;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ServiceLevelWatcher(
            ServiceLevelClocks clocks,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.clocks = clocks;
        this.events = events;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${heard.triage.service-levels.watch-interval:15s}",
            initialDelayString = "${heard.triage.service-levels.watch-interval:15s}")
    void watch() {
        while (sweep() == BATCH) {
            // A backlog (after downtime) drains in batches, each in its own short transaction.
        }
    }

    /** Announces what is due now; returns how many clocks it announced. Tests call it to skip the wait. */
    public int sweep() {
        Integer fired = transactions.execute(status -> {
            var now = clock.instant();
            var due = clocks.lockDue(now, BATCH);
            due.forEach(c -> announce(c, now));
            return due.size();
        });
        return fired == null ? 0 : fired;
    }

    /**
     * A clock found already past due gets its breach only: a warning after the fact helps nobody.
     */
    private void announce(ServiceLevelClock due, Instant now) {
        boolean breached = !due.dueAt().isAfter(now);
        if (breached) {
            clocks.breached(due.id(), now);
        } else {
            clocks.warned(due.id(), now);
        }
        events.publishEvent(
                new ServiceLevelBreached(due.conversationId(), due.kind().key(), due.dueAt(), !breached));
    }
}
