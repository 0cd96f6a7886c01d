package org.heard.triage.rules;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.heard.channels.Visibility;
import org.heard.triage.Sentiment;
import org.heard.triage.Urgency;
import org.heard.triage.analysis.CareSignals;
import org.jspecify.annotations.Nullable;

/**
 * When a rule applies: every condition that is set must hold. A list means "any of these"; an empty
 * list or {@code null} means the condition is not used. Values are tidied here (trimmed, lower-case,
 * once each) but checked only by {@link RuleValidation} when a rule is saved, so that a rule saved
 * under older checks still loads and a request can be told exactly what is wrong with it.
 *
 * @param channels the message came from one of these networks
 * @param visibility the message is public or private
 * @param words the text contains one of these words or phrases, ignoring case
 * @param pattern the text matches this RE2 regular expression, ignoring case
 * @param hashtags the message carries one of these hashtags (without {@code #})
 * @param sentiment the analyser read this sentiment
 * @param complaint the analyser did (or did not) read a complaint
 * @param urgency the analyser's urgency is at least this
 * @param signals the analyser (or the customer's history) gave one of these signals
 * @param languages the message is in one of these languages (ISO 639-1)
 * @param queues the conversation is currently in one of these queues
 */
record RuleConditions(
        List<String> channels,
        @Nullable Visibility visibility,
        List<String> words,
        @Nullable String pattern,
        List<String> hashtags,
        @Nullable Sentiment sentiment,
        @Nullable Boolean complaint,
        @Nullable Urgency urgency,
        List<String> signals,
        List<String> languages,
        List<String> queues) {

    /** The signal keys Heard's analyser gives (history adds repeated-contact); a rule may test only for these. */
    static final List<String> SIGNALS = CareSignals.keys();

    RuleConditions {
        channels = tidy(channels, RuleConditions::lower);
        words = tidy(words, word -> word.strip().replaceAll("\\s+", " "));
        pattern = pattern == null || pattern.isBlank() ? null : pattern.strip();
        hashtags = tidy(hashtags, tag -> lower(tag.startsWith("#") ? tag.substring(1) : tag));
        signals = tidy(signals, RuleConditions::lower);
        languages = tidy(languages, RuleConditions::lower);
        queues = tidy(queues, RuleConditions::lower);
    }

    /** Whether no condition is set: such a rule would act on every message. */
    boolean none() {
        return channels.isEmpty()
                && visibility == null
                && words.isEmpty()
                && pattern == null
                && hashtags.isEmpty()
                && sentiment == null
                && complaint == null
                && urgency == null
                && signals.isEmpty()
                && languages.isEmpty()
                && queues.isEmpty();
    }

    static List<String> tidy(@Nullable List<String> values, UnaryOperator<String> tidy) {
        if (values == null) {
            return List.of();
        }
        var kept = new LinkedHashSet<String>();
        for (var value : values) {
            if (value != null && !value.isBlank()) {
                kept.add(tidy.apply(value.strip()));
            }
        }
        return List.copyOf(kept);
    }

    static String lower(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }
}
