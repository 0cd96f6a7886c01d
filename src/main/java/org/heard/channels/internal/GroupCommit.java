package org.heard.channels.internal;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.heard.channels.InboundDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes webhook deliveries to the inbound log in groups: while one commit is on its way to disk, the
 * deliveries that arrive meanwhile gather and share the next one, as a log-structured store does. Each
 * delivery's request waits for the commit that holds it, so a network hears 200 only for what is durable.
 * How many requests may wait at once is bounded by {@link Admission}, not here.
 */
@Component
class GroupCommit {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private final InboundLog inboundLog;
    private final TransactionTemplate transactions;
    private final int maxGroup;
    private final BlockingQueue<Waiting> waiting = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private final DistributionSummary groupSizes;
    private volatile boolean open = true;

    GroupCommit(
            InboundLog inboundLog,
            PlatformTransactionManager transactions,
            MeterRegistry meters,
            @Value("${heard.webhooks.commit-writers:2}") int writerCount,
            @Value("${heard.webhooks.max-commit-group:500}") int maxGroup) {
        this.inboundLog = inboundLog;
        this.transactions = new TransactionTemplate(transactions);
        this.maxGroup = maxGroup;
        this.groupSizes = DistributionSummary.builder("heard.webhooks.commit.group")
                .description("Webhook requests written to the inbound log in one commit")
                .register(meters);
        for (int i = 0; i < writerCount; i++) {
            writers.add(Thread.ofPlatform()
                    .name("heard-inbound-commit-" + i)
                    .daemon()
                    .start(this::write));
        }
    }

    /**
     * Records a request's deliveries, committed together with whatever else arrived meanwhile, and returns
     * how many were new; blocks until the commit is done.
     */
    int record(String channel, List<InboundDelivery> deliveries) {
        if (!open) {
            throw new Admission.Overloaded();
        }
        var request = new Waiting(channel, deliveries, new CompletableFuture<>());
        waiting.add(request);
        try {
            return request.recorded().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Admission.Overloaded();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void write() {
        while (open) {
            List<Waiting> group = new ArrayList<>();
            try {
                var first = waiting.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                waiting.drainTo(group, maxGroup - 1);
                commit(group);
            } catch (InterruptedException e) {
                group.forEach(w -> w.recorded().completeExceptionally(new Admission.Overloaded()));
                return;
            }
        }
    }

    private void commit(List<Waiting> group) {
        try {
            var entries = new ArrayList<InboundLog.Entry>();
            group.forEach(w -> w.deliveries().forEach(d -> entries.add(new InboundLog.Entry(w.channel(), d))));
            var fresh = transactions.execute(status -> inboundLog.recordAll(entries));
            groupSizes.record(group.size());
            // A delivery repeated within the group is new once: for the first request that brought it.
            var credited = new HashSet<InboundLog.Key>();
            for (var request : group) {
                int recorded = 0;
                for (var delivery : request.deliveries()) {
                    var key = new InboundLog.Key(request.channel(), delivery.account(), delivery.externalId());
                    if (fresh.contains(key) && credited.add(key)) {
                        recorded++;
                    }
                }
                request.recorded().complete(recorded);
            }
        } catch (RuntimeException e) {
            log.warn("Could not record {} webhook requests: {}", group.size(), e.toString());
            group.forEach(w -> w.recorded().completeExceptionally(e));
        }
    }

    @PreDestroy
    void close() {
        open = false;
        writers.forEach(Thread::interrupt);
        Waiting left;
        while ((left = waiting.poll()) != null) {
            left.recorded().completeExceptionally(new Admission.Overloaded());
        }
    }

    private record Waiting(String channel, List<InboundDelivery> deliveries, CompletableFuture<Integer> recorded) {}
}
