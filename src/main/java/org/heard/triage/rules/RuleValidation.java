package org.heard.triage.rules;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.List;
import java.util.function.LongPredicate;
import java.util.function.Predicate;
import org.heard.identity.Colleagues;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks a rule before it is saved or tried, so that nothing about a rule can fail while messages
 * arrive. Each refusal is a {@link RuleInvalid} whose message tells a supervisor what to
 * change; the API answers it as a 400 problem detail.
 */
@Component
class RuleValidation {

    static final int NAME_LIMIT = 120;
    static final int PATTERN_LIMIT = 300;
    static final int WORD_LIMIT = 100;
    static final int LIST_LIMIT = 50;

    private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final java.util.regex.Pattern HASHTAG = java.util.regex.Pattern.compile("[\\p{L}\\p{N}_]{1,100}");
    private static final java.util.regex.Pattern TAG =
            java.util.regex.Pattern.compile("[\\p{Ll}\\p{N}][\\p{Ll}\\p{N}_-]{0,39}");
    private static final java.util.regex.Pattern LANGUAGE = java.util.regex.Pattern.compile("[a-z]{2}");

    private final Predicate<String> queueExists;
    private final LongPredicate colleagueCanWork;

    @Autowired
    RuleValidation(JdbcClient jdbc, Colleagues colleagues) {
        this(
                key -> jdbc.sql("select count(*) from triage_queues where key = ?")
                                .param(key)
                                .query(Long.class)
                                .single()
                        > 0,
                id -> colleagues.active().stream().anyMatch(colleague -> colleague.id() == id));
    }

    RuleValidation(Predicate<String> queueExists, LongPredicate colleagueCanWork) {
        this.queueExists = queueExists;
        this.colleagueCanWork = colleagueCanWork;
    }

    /** Checks a rule to be saved: it needs a name, at least one condition and at least one action. */
    RuleDraft checked(RuleDraft draft) {
        if (draft.name().isEmpty()) {
            throw new RuleInvalid("Give the rule a name, so the team can tell why it fired.");
        }
        if (draft.name().length() > NAME_LIMIT) {
            throw new RuleInvalid("A rule's name has at most " + NAME_LIMIT + " characters; this one has "
                    + draft.name().length() + ". Shorten it and save again.");
        }
        if (draft.conditions().none()) {
            throw new RuleInvalid("Add at least one condition: a rule without one would act on every" + " message.");
        }
        if (draft.actions().none()) {
            throw new RuleInvalid("Add at least one action (tags, a queue, a priority, a colleague or an"
                    + " automated reply): a rule without one does nothing.");
        }
        return triable(draft);
    }

    /** Checks a rule to be tried on a sample: it may still lack a name, conditions or actions. */
    RuleDraft triable(RuleDraft draft) {
        conditions(draft.conditions());
        actions(draft.actions());
        return draft;
    }

    private void conditions(RuleConditions conditions) {
        each(conditions.channels(), "channel", channel -> KEY.matcher(channel).matches(), "is not a channel name");
        each(
                conditions.words(),
                "word or phrase",
                word -> word.length() <= WORD_LIMIT,
                "is longer than " + WORD_LIMIT + " characters");
        each(
                conditions.hashtags(),
                "hashtag",
                tag -> HASHTAG.matcher(tag).matches(),
                "is not a hashtag (letters, digits and _ only)");
        each(
                conditions.signals(),
                "signal",
                RuleConditions.SIGNALS::contains,
                "is not a signal Heard gives; use one of " + String.join(", ", RuleConditions.SIGNALS));
        each(
                conditions.languages(),
                "language",
                language -> LANGUAGE.matcher(language).matches(),
                "is not a two-letter language code such as en, de or fr");
        each(conditions.queues(), "queue", queueExists, "is not an existing queue's key");
        if (conditions.pattern() != null) {
            pattern(conditions.pattern());
        }
    }

    private static void pattern(String pattern) {
        if (pattern.length() > PATTERN_LIMIT) {
            throw new RuleInvalid("A pattern has at most " + PATTERN_LIMIT + " characters; this one has "
                    + pattern.length() + ". Shorten it and save again.");
        }
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new RuleInvalid("The pattern `" + shown(pattern) + "` is not valid: " + e.getDescription()
                    + ". Heard uses RE2 syntax (no look-around, no back-references). Fix it and save again.");
        }
    }

    private void actions(RuleActions actions) {
        each(
                actions.tags(),
                "tag",
                tag -> TAG.matcher(tag).matches(),
                "is not a tag (up to 40 lower-case letters, digits, - and _)");
        if (actions.queue() != null && !queueExists.test(actions.queue())) {
            throw new RuleInvalid(
                    "There is no queue `" + actions.queue() + "`; pick an existing queue, or create it first.");
        }
        actions.priorityFloor();
        if (actions.assignee() != null && !colleagueCanWork.test(actions.assignee())) {
            throw new RuleInvalid(
                    "Nobody who can sign in has the id " + actions.assignee() + "; pick a colleague from the list.");
        }
        var reply = actions.autoReply();
        if (reply != null && reply.codePointCount(0, reply.length()) > RuleActions.AUTO_REPLY_LIMIT) {
            throw new RuleInvalid("An automated reply has at most " + RuleActions.AUTO_REPLY_LIMIT
                    + " characters; this one has " + reply.codePointCount(0, reply.length())
                    + ". Shorten it and save again.");
        }
    }

    private static void each(List<String> values, String what, Predicate<String> valid, String problem) {
        if (values.size() > LIST_LIMIT) {
            throw new RuleInvalid("A rule lists at most " + LIST_LIMIT + " of each condition; this one" + " lists "
                    + values.size() + " of " + what + ". Remove some and save again.");
        }
        for (var value : values) {
            if (!valid.test(value)) {
                throw new RuleInvalid(
                        "The " + what + " `" + shown(value) + "` " + problem + ". Fix it and save again.");
            }
        }
    }

    /** Quotes a value back to the person, but never a whole essay of it. */
    private static String shown(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "…";
    }
}
