package org.heard.conversations.internal;

import java.time.Clock;
import java.util.List;
import org.heard.platform.Refused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends scheduled replies when their time comes, each once: a node locks the due message with {@code SKIP
 * LOCKED}, so several nodes never release the same one.
 */
@Component
class ScheduledReplies {

    private static final Logger log = LoggerFactory.getLogger(ScheduledReplies.class);

    private final Inbox inbox;
    private final Messages messages;
    private final JdbcClient jdbc;
    private final Clock clock;

    ScheduledReplies(Inbox inbox, Messages messages, JdbcClient jdbc, Clock clock) {
        this.inbox = inbox;
        this.messages = messages;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${heard.replies.schedule-interval:5s}")
    void watch() {
        sendDue();
    }

    /** Sends the replies whose time has come; returns how many went out. */
    int sendDue() {
        int sent = 0;
        for (long id : due()) {
            try {
                sent += sendOne(id) ? 1 : 0;
            } catch (Refused e) {
                // The channel is gone or the window closed since it was scheduled: it goes back to its author.
                log.warn("Scheduled reply {} cannot go out: {}", id, e.getMessage());
                giveBack(id, e.getMessage());
            } catch (IllegalArgumentException e) {
                // Not a reason for its author; still it goes back, so one reply never holds up the others.
                log.warn("Scheduled reply {} cannot go out", id, e);
                giveBack(id, "Heard could not send it at its time; send it again, or ask an admin to check the log.");
            }
        }
        return sent;
    }

    /**
     * Returns a scheduled reply to its author with the reason, only while this node holds it and it is still
     * scheduled: another node may have sent it, or the agent cancelled it, in the meantime.
     */
    private void giveBack(long id, String why) {
        inbox.inTransaction(() -> {
            if (claim(id)) {
                var message = messages.findById(id).orElseThrow();
                message.couldNotGoOut("Not sent at its time: " + why);
                inbox.changed(inbox.conversation(message.conversationId()));
            }
            return id;
        });
    }

    private boolean claim(long id) {
        return jdbc.sql("""
                        select id from messages where id = ? and delivery_state = 'SCHEDULED'
                        for update skip locked
                        """).param(id).query(Long.class).optional().isPresent();
    }

    private List<Long> due() {
        return jdbc.sql("""
                        select id from messages where delivery_state = 'SCHEDULED' and scheduled_for <= ?
                        order by scheduled_for, id limit 200
                        """)
                .param(java.sql.Timestamp.from(clock.instant()))
                .query(Long.class)
                .list();
    }

    private boolean sendOne(long id) {
        return inbox.inTransaction(() -> {
            if (!claim(id)) {
                return false;
            }
            var message = messages.findById(id).orElseThrow();
            var conversation = inbox.conversation(message.conversationId());
            inbox.checkedReplyTarget(conversation, message.text(), message.visibility(), false);
            message.release(message.text(), clock.instant());
            inbox.goOut(conversation, message, null);
            return true;
        });
    }
}
