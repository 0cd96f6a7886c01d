package org.heard.triage.rules;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.heard.channels.Visibility;
import org.heard.conversations.ConversationFacts;
import org.heard.conversations.ConversationStatus;
import org.heard.conversations.MessageReceived;
import org.heard.triage.Analysis;
import org.heard.triage.Sentiment;
import org.heard.triage.Urgency;
import org.heard.triage.pipeline.TriageSubject;
import org.jspecify.annotations.Nullable;

/** Customers' messages as the pipeline hands them to the rule book. */
final class RuleMessages {

    static final Analysis CALM = new Analysis(Sentiment.NEUTRAL, 0, false, Urgency.NONE, List.of(), "en");

    private RuleMessages() {}

    static TriageSubject publicPost(String text) {
        return message("x", Visibility.PUBLIC, text, CALM, List.of(), null);
    }

    static TriageSubject message(
            String channel,
            Visibility visibility,
            String text,
            Analysis analysis,
            List<String> history,
            @Nullable String queue) {
        var at = Instant.parse("2026-11-22T10:00:00Z");
        return new TriageSubject(
                new MessageReceived(7, 70, 700, channel, visibility, text, false, at, at),
                new ConversationFacts(
                        7,
                        channel,
                        visibility,
                        ConversationStatus.OPEN,
                        700,
                        12_000L,
                        null,
                        queue,
                        Set.of(),
                        30,
                        at,
                        null,
                        at,
                        null),
                analysis,
                history);
    }
}
