package org.heard.channels.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.heard.channels.InboundMessageNormalised;
import org.heard.platform.Worker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns recorded deliveries into messages, oldest first. Each delivery is marked processed in the same
 * transaction in which its message is threaded, so a crash at any point leaves it to be done again,
 * never half done and never twice. {@code SKIP LOCKED} lets several nodes share the log.
 */
@Component
class InboundProcessor extends Worker {

    private static final Logger log = LoggerFactory.getLogger(InboundProcessor.class);
    static final int BATCH = 100;
    /** With doubling waits of 1 s up to an hour, about a day of trying before a person must look. */
    static final int MAX_ATTEMPTS = 30;

    private final InboundLog inboundLog;
    private final ConnectorRegistry connectors;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    InboundProcessor(
            InboundLog inboundLog,
            ConnectorRegistry connectors,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            MeterRegistry meters) {
        super("heard-inbound", Duration.ofSeconds(1));
        Gauge.builder("heard.inbound.backlog", inboundLog, InboundLog::unprocessed)
                .description("Deliveries recorded but not yet threaded")
                .register(meters);
        Gauge.builder("heard.inbound.lag", inboundLog, InboundLog::lagSeconds)
                .description("Age of the oldest delivery not yet threaded")
                .baseUnit("seconds")
                .register(meters);
        this.inboundLog = inboundLog;
        this.connectors = connectors;
        this.events = events;
        this.transactions = transactions;
    }

    @Override
    protected boolean work() {
        try {
            Integer done = transactions.execute(status -> {
                var batch = inboundLog.claim(connectors.connectedChannels(), BATCH);
                batch.forEach(this::process);
                return batch.size();
            });
            return done != null && done == BATCH;
        } catch (RuntimeException batchFailure) {
            log.warn("A batch of deliveries failed; processing them one by one", batchFailure);
            return oneByOne();
        }
    }

    private boolean oneByOne() {
        for (int i = 0; i < BATCH; i++) {
            var current = new AtomicReference<InboundLog.Pending>();
            try {
                Boolean found = transactions.execute(status -> {
                    var next = inboundLog.claim(connectors.connectedChannels(), 1);
                    if (next.isEmpty()) {
                        return false;
                    }
                    current.set(next.getFirst());
                    process(next.getFirst());
                    return true;
                });
                if (!Boolean.TRUE.equals(found)) {
                    return false;
                }
            } catch (RuntimeException e) {
                var pending = current.get();
                if (pending == null) {
                    throw e;
                }
                boolean giveUp = pending.attempts() + 1 >= MAX_ATTEMPTS;
                log.error(
                        "Delivery {} on {} failed (attempt {}){}",
                        pending.id(),
                        pending.channel(),
                        pending.attempts() + 1,
                        giveUp ? "; Heard stops trying and keeps it in the inbound log" : "",
                        e);
                transactions.executeWithoutResult(
                        status -> inboundLog.markFailed(pending.id(), String.valueOf(e.getMessage()), giveUp));
            }
        }
        return true;
    }

    /**
     * Log lines while a delivery is processed carry its correlation id, its channel and network id, which the
     * message keeps and the replies to it carry on to the outbox.
     */
    private void process(InboundLog.Pending pending) {
        var correlationId = pending.delivery().correlationId(pending.channel());
        try (var ignored = MDC.putCloseable("correlationId", correlationId)) {
            var message = connectors.get(pending.channel()).normalise(pending.delivery());
            events.publishEvent(new InboundMessageNormalised(pending.id(), correlationId, message));
            inboundLog.markProcessed(pending.id());
            log.debug("Processed inbound event {}", pending.id());
        }
    }
}
