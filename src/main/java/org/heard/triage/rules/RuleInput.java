package org.heard.triage.rules;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.heard.channels.Visibility;
import org.heard.triage.Analysis;
import org.heard.triage.pipeline.TriageSubject;
import org.jspecify.annotations.Nullable;

/**
 * What a rule's conditions look at in one message, worked out once per message rather than once per
 * rule.
 *
 * @param lowerText the text in lower case, for word and phrase conditions
 * @param signals the analyser's signals together with what only history tells
 * @param queue the conversation's queue before this message's triage, or {@code null}
 */
record RuleInput(
        String text,
        String lowerText,
        String channel,
        Visibility visibility,
        Set<String> hashtags,
        Analysis analysis,
        Set<String> signals,
        @Nullable String queue) {

    static RuleInput of(TriageSubject subject) {
        var signals = new HashSet<>(subject.analysis().signals());
        signals.addAll(subject.signals());
        var text = subject.message().text();
        return new RuleInput(
                text,
                text.toLowerCase(Locale.ROOT),
                subject.message().channel(),
                subject.message().visibility(),
                subject.hashtags(),
                subject.analysis(),
                Set.copyOf(signals),
                subject.conversation().queue());
    }
}
