package org.heard.triage.pipeline;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.heard.conversations.MessageReceived;
import org.heard.triage.analysis.RefinedAnalyser;
import org.heard.triage.priority.Priorities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads each customer message a second time, with the sentence model ({@link RefinedAnalyser}), once the
 * message is committed with the lexicon's first reading: the inbox shows the message and its priority at
 * once, and within about a second, when the second reading tells complaint differently, the stored
 * assessment and the conversation's priority change and every open inbox sees it. One worker thread
 * takes the messages waiting in batches, so a storm costs the model one batch at a time, never the
 * inbound path. A message that finds the line full, or is waiting when Heard stops, keeps its first
 * reading: the second one refines, it is not needed for a message to be handled (ADR 0015).
 * Off with {@code heard.triage.model.enabled=false}.
 */
@Component
@ConditionalOnProperty(name = "heard.triage.model.enabled", havingValue = "true", matchIfMissing = true)
class SecondReading {

    static final int BATCH = 64;
    static final int WAITING_AT_MOST = 10_000;

    private static final Logger log = LoggerFactory.getLogger(SecondReading.class);

    private final RefinedAnalyser analyser;
    private final Assessments assessments;
    private final Priorities priorities;
    private final TransactionTemplate transaction;
    private final BlockingQueue<MessageReceived> waiting = new ArrayBlockingQueue<>(WAITING_AT_MOST);
    private final Thread worker;

    SecondReading(
            RefinedAnalyser analyser,
            Assessments assessments,
            Priorities priorities,
            PlatformTransactionManager transactions) {
        this.analyser = analyser;
        this.assessments = assessments;
        this.priorities = priorities;
        this.transaction = new TransactionTemplate(transactions);
        this.worker = Thread.ofPlatform().name("heard-second-reading").daemon().unstarted(this::work);
    }

    @PostConstruct
    void start() {
        worker.start();
    }

    @PreDestroy
    void stop() {
        worker.interrupt();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void received(MessageReceived message) {
        if (!waiting.offer(message)) {
            log.debug("Message {} keeps its first reading: {} are waiting", message.messageId(), WAITING_AT_MOST);
        }
    }

    private void work() {
        var batch = new ArrayList<MessageReceived>(BATCH);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                batch.add(waiting.take());
                waiting.drainTo(batch, BATCH - 1);
                read(batch);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // Their first readings stand; the next batch is read afresh.
                log.warn("The second reading of {} messages failed: {}", batch.size(), e.toString());
            }
            batch.clear();
        }
    }

    private void read(List<MessageReceived> batch) {
        var readings =
                analyser.analyse(batch.stream().map(MessageReceived::text).toList());
        for (int i = 0; i < batch.size(); i++) {
            var message = batch.get(i);
            var reading = readings.get(i);
            // One transaction a message: a conversation deleted meanwhile costs only its own update.
            transaction.executeWithoutResult(status -> {
                if (assessments.reread(message, reading)) {
                    priorities
                            .reassessed(message.conversationId())
                            .ifPresent(priority -> log.debug(
                                    "Second reading of message {}: complaint {}, conversation {} is {} ({})",
                                    message.messageId(),
                                    reading.complaint(),
                                    message.conversationId(),
                                    priority.score(),
                                    priority.reason()));
                }
            });
        }
    }
}
