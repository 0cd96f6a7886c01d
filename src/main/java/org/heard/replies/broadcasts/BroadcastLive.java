package org.heard.replies.broadcasts;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.heard.platform.LiveStream;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Tells open broadcast pages that a broadcast moved on: a {@code broadcast-<id>} event, and {@code broadcasts} for
 * the list. A broadcast sends many replies a second, so changes are gathered and announced at most every 250 ms;
 * the last change is always announced, after its transaction commits.
 */
@Component
class BroadcastLive {

    private static final long EVERY_MS = 250;

    private final LiveStream stream;
    private final Set<Long> changed = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService announcer;

    BroadcastLive(MeterRegistry meters, org.heard.platform.AllNodes broadcasts) {
        this.stream = new LiveStream("broadcasts", meters, broadcasts);
        this.announcer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("heard-broadcasts-live").daemon().factory());
        announcer.scheduleWithFixedDelay(this::announce, EVERY_MS, EVERY_MS, TimeUnit.MILLISECONDS);
    }

    SseEmitter subscribe() {
        return stream.subscribe();
    }

    /** The broadcast's progress changed, now or when the current transaction commits. */
    void changed(long broadcastId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            changed.add(broadcastId);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                changed.add(broadcastId);
            }
        });
    }

    private void announce() {
        if (changed.isEmpty()) {
            return;
        }
        for (var id : Set.copyOf(changed)) {
            changed.remove(id);
            stream.publish("broadcast-" + id, id);
        }
        stream.publish("broadcasts", "changed");
    }

    @PreDestroy
    void close() {
        announcer.shutdownNow();
        stream.close();
    }
}
