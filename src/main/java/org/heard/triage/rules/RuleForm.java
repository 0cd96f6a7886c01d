package org.heard.triage.rules;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.heard.channels.Visibility;
import org.heard.triage.Sentiment;
import org.heard.triage.Urgency;
import org.jspecify.annotations.Nullable;

/**
 * The rule editor's fields as the browser sends them: lists typed as text are separated by commas or
 * new lines, choices left empty mean "not used". The sample message travels with the rule so that a
 * rule can be tried before it is saved.
 */
record RuleForm(
        @Nullable Long id,
        @Nullable String name,
        @Nullable Boolean enabled,
        @Nullable Boolean stop,
        @Nullable List<String> channels,
        @Nullable String visibility,
        @Nullable String words,
        @Nullable String pattern,
        @Nullable String hashtags,
        @Nullable String sentiment,
        @Nullable String complaint,
        @Nullable String urgency,
        @Nullable List<String> signals,
        @Nullable String languages,
        @Nullable List<String> queues,
        @Nullable String tags,
        @Nullable String queue,
        @Nullable String priority,
        @Nullable String assignee,
        @Nullable String autoReply,
        @Nullable String sampleText,
        @Nullable String sampleChannel,
        @Nullable String sampleVisibility,
        @Nullable String sampleQueue) {

    static RuleForm blank() {
        return new RuleForm(
                null, "", true, false, List.of(), "", "", "", "", "", "", "", List.of(), "", List.of(), "", "", "", "",
                "", "", "sandbox", "PUBLIC", "");
    }

    static RuleForm of(Rule rule) {
        var c = rule.conditions();
        var a = rule.actions();
        return new RuleForm(
                rule.id(),
                rule.name(),
                rule.enabled(),
                rule.stop(),
                c.channels(),
                c.visibility() == null ? "" : c.visibility().name(),
                String.join("\n", c.words()),
                c.pattern() == null ? "" : c.pattern(),
                String.join(" ", c.hashtags().stream().map(tag -> "#" + tag).toList()),
                c.sentiment() == null ? "" : c.sentiment().name(),
                c.complaint() == null ? "" : c.complaint() ? "yes" : "no",
                c.urgency() == null ? "" : c.urgency().name(),
                c.signals(),
                String.join(", ", c.languages()),
                c.queues(),
                String.join(", ", a.tags()),
                a.queue() == null ? "" : a.queue(),
                a.priority() == null ? "" : a.priority(),
                a.assignee() == null ? "" : a.assignee().toString(),
                a.autoReply() == null ? "" : a.autoReply(),
                "",
                "sandbox",
                "PUBLIC",
                "");
    }

    /** @throws RuleInvalid when a choice is not one the page offers */
    RuleDraft draft() {
        var conditions = new RuleConditions(
                channels,
                choice(Visibility.class, visibility, "visibility"),
                split(words, "[,\\n]"),
                pattern,
                split(hashtags, "[,\\s]"),
                choice(Sentiment.class, sentiment, "sentiment"),
                complaint == null || complaint.isBlank() ? null : "yes".equals(complaint),
                choice(Urgency.class, urgency, "urgency"),
                signals,
                split(languages, "[,\\s]"),
                queues);
        var actions = new RuleActions(split(tags, "[,\\s]"), queue, priority, colleague(), autoReply);
        // An unticked checkbox sends nothing, which means "off" here, not "not said".
        return new RuleDraft(name, Boolean.TRUE.equals(enabled), Boolean.TRUE.equals(stop), conditions, actions);
    }

    RuleTrial.Sample sample() {
        return new RuleTrial.Sample(
                sampleText,
                sampleChannel,
                choice(Visibility.class, sampleVisibility, "sample's visibility"),
                sampleQueue);
    }

    private @Nullable Long colleague() {
        if (assignee == null || assignee.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(assignee.strip());
        } catch (NumberFormatException e) {
            throw new RuleInvalid("Pick a colleague from the list.");
        }
    }

    private static List<String> split(@Nullable String text, String separators) {
        return text == null ? List.of() : Arrays.asList(text.split(separators));
    }

    private static <E extends Enum<E>> @Nullable E choice(Class<E> type, @Nullable String value, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RuleInvalid("Pick a " + what + " from the list.");
        }
    }
}
