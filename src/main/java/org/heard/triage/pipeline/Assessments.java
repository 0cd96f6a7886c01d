package org.heard.triage.pipeline;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.heard.conversations.MessageReceived;
import org.heard.triage.Analysis;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the analyser read in each message, kept for history (repeated contact) and for reports. */
@Component
class Assessments {

    static final Duration REPEAT_WINDOW = Duration.ofDays(7);
    static final String REPEATED_CONTACT = "repeated-contact";

    private final JdbcClient jdbc;
    private final Clock clock;

    Assessments(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The analyser's signals, plus {@code repeated-contact} when the same person complained in another
     * conversation in the last seven days: they are coming back because they were not helped.
     */
    List<String> signals(MessageReceived message, Analysis analysis) {
        var signals = new ArrayList<>(analysis.signals());
        if (!signals.contains(REPEATED_CONTACT) && complainedElsewhere(message)) {
            signals.add(REPEATED_CONTACT);
        }
        return signals;
    }

    void record(MessageReceived message, Analysis analysis, List<String> signals) {
        jdbc.sql("""
                        insert into triage_assessments (message_id, conversation_id, contact_id, channel, sentiment,
                            score, complaint, urgency, signals, language, assessed_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (message_id) do nothing
                        """)
                .params(
                        message.messageId(),
                        message.conversationId(),
                        message.contactId(),
                        message.channel(),
                        analysis.sentiment().name(),
                        analysis.score(),
                        analysis.complaint(),
                        analysis.urgency().name(),
                        signals.toArray(String[]::new),
                        analysis.language(),
                        Timestamp.from(clock.instant()))
                .update();
    }

    /**
     * Keeps a second reading of the message when it tells complaint differently from the stored one.
     *
     * @return whether the stored assessment changed
     */
    boolean reread(MessageReceived message, Analysis analysis) {
        return jdbc.sql("""
                        update triage_assessments set sentiment = ?, score = ?, complaint = ?, urgency = ?, signals = ?
                        where message_id = ? and complaint <> ?
                        """)
                        .params(
                                analysis.sentiment().name(),
                                analysis.score(),
                                analysis.complaint(),
                                analysis.urgency().name(),
                                signals(message, analysis).toArray(String[]::new),
                                message.messageId(),
                                analysis.complaint())
                        .update()
                > 0;
    }

    private boolean complainedElsewhere(MessageReceived message) {
        return jdbc.sql("""
                        select exists (select 1 from triage_assessments where contact_id = ? and conversation_id <> ?
                            and complaint and assessed_at > ?)
                        """)
                .params(
                        message.contactId(),
                        message.conversationId(),
                        Timestamp.from(clock.instant().minus(REPEAT_WINDOW)))
                .query(Boolean.class)
                .single();
    }
}
