package org.heard.triage.pipeline;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.heard.conversations.ConversationFacts;
import org.heard.conversations.MessageReceived;
import org.heard.triage.Analysis;

/**
 * A customer's message being triaged, as rules and service levels see it.
 *
 * @param message the message as threaded
 * @param conversation its conversation, before this triage's decisions
 * @param analysis what the analyser read in it
 * @param signals the analyser's signals plus what only history tells ({@code repeated-contact})
 */
public record TriageSubject(
        MessageReceived message, ConversationFacts conversation, Analysis analysis, List<String> signals) {

    private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_])#([\\p{L}\\p{N}_]{1,100})");

    public TriageSubject {
        signals = List.copyOf(signals);
    }

    /** Hashtags in the message, lower-case, without the {@code #}. */
    public Set<String> hashtags() {
        return HASHTAG.matcher(message.text())
                .results()
                .map(m -> m.group(1).toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }
}
