package org.heard.triage.hours;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.heard.conversations.ConversationTriage;
import org.heard.platform.Refused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends "still on it" updates to customers who have waited past a threshold, in business time, for a
 * person's reply: once per threshold per wait (a wait ends when a person replies or the conversation
 * is resolved; writing again after a reply starts a new one). Nothing goes out while the team is
 * closed: the away reply already told the customer when it is back. When a customer crossed several
 * thresholds at once (after downtime), only the longest one's update goes out.
 */
@Component
class WaitUpdateSender {

    private static final Logger log = LoggerFactory.getLogger(WaitUpdateSender.class);

    private final ServiceLevelClocks clocks;
    private final WaitUpdateThresholds thresholds;
    private final Calendars calendars;
    private final ConversationTriage triage;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    WaitUpdateSender(
            ServiceLevelClocks clocks,
            WaitUpdateThresholds thresholds,
            Calendars calendars,
            ConversationTriage triage,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.clocks = clocks;
        this.thresholds = thresholds;
        this.calendars = calendars;
        this.triage = triage;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${heard.triage.wait-updates.interval:60s}",
            initialDelayString = "${heard.triage.wait-updates.interval:60s}")
    void watch() {
        sweep();
    }

    /** Sends the updates that are due now; returns how many went out. */
    int sweep() {
        var updates = thresholds.all();
        if (updates.isEmpty()) {
            return 0;
        }
        var now = clock.instant();
        int sent = 0;
        for (var waiting : clocks.waitingSince(now.minus(updates.getFirst().after()), 500)) {
            sent += offer(waiting, updates, now) ? 1 : 0;
        }
        return sent;
    }

    private boolean offer(ServiceLevelClock waiting, List<WaitUpdateThresholds.WaitUpdate> updates, Instant now) {
        var facts = triage.facts(waiting.conversationId()).orElse(null);
        if (facts == null) {
            return false;
        }
        var calendar = calendars.forQueue(facts.queue());
        if (!calendar.isOpen(now)) {
            return false;
        }
        var waited = calendar.between(waiting.startedAt(), now);
        var crossed =
                updates.stream().filter(u -> u.after().compareTo(waited) <= 0).toList();
        if (crossed.isEmpty()) {
            return false;
        }
        var due = crossed.getLast();
        try {
            return Boolean.TRUE.equals(
                    transactions.execute(status -> send(waiting, crossed, due.text(facts.visibility()), now)));
        } catch (Refused e) {
            log.warn("No wait update in conversation {}: {}", waiting.conversationId(), e.getMessage());
            transactions.executeWithoutResult(status -> record(waiting, crossed, now, e.getMessage()));
            return false;
        } catch (IllegalArgumentException e) {
            // Recorded all the same, so one conversation is not tried again on every sweep.
            log.warn("No wait update in conversation {}", waiting.conversationId(), e);
            transactions.executeWithoutResult(status -> record(waiting, crossed, now, "Heard could not send it."));
            return false;
        }
    }

    /** Claims the thresholds on the locked clock and sends the longest's text, if not claimed before. */
    private boolean send(
            ServiceLevelClock waiting, List<WaitUpdateThresholds.WaitUpdate> crossed, String text, Instant now) {
        boolean stillWaiting =
                jdbc.sql("""
                        select id from triage_service_level_clocks where id = ? and stopped_at is null
                        for update skip locked
                        """).param(waiting.id()).query(Long.class).optional().isPresent();
        if (!stillWaiting || !record(waiting, crossed, now, null)) {
            return false;
        }
        triage.replyAutomatically(waiting.conversationId(), text);
        return true;
    }

    /** Records the crossed thresholds; true when the longest one had not been recorded before. */
    private boolean record(
            ServiceLevelClock waiting, List<WaitUpdateThresholds.WaitUpdate> crossed, Instant now, String skipped) {
        int claimed = 0;
        for (var update : crossed) {
            claimed = jdbc.sql("""
                            insert into triage_wait_updates_sent
                                (clock_id, threshold_id, conversation_id, sent_at, skipped_because)
                            values (?, ?, ?, ?, ?) on conflict do nothing
                            """)
                    .params(
                            waiting.id(),
                            update.id(),
                            waiting.conversationId(),
                            Timestamp.from(now),
                            skipped != null
                                    ? skipped
                                    : update == crossed.getLast() ? null : "a longer wait's update went out")
                    .update();
        }
        return claimed == 1;
    }
}
