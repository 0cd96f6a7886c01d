package org.heard.triage.rules;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A rule's conditions made ready to run: the pattern compiled once, each condition with the words a
 * supervisor reads when trying the rule. Patterns are RE2, so matching takes time linear in the text
 * whatever the pattern, and a hostile message cannot stall triage.
 */
final class RuleMatcher {

    /** One condition and whether a message meets it. */
    record Check(String condition, Predicate<RuleInput> test) {}

    /** Whether one condition held for a message, as shown when a rule is tried. */
    record Result(String condition, boolean matched) {}

    private final List<Check> checks;

    /** @throws com.google.re2j.PatternSyntaxException for a pattern that {@link RuleValidation} refuses */
    RuleMatcher(RuleConditions conditions) {
        var list = new ArrayList<Check>();
        var c = conditions;
        if (!c.channels().isEmpty()) {
            list.add(new Check(
                    "Channel is " + or(c.channels()), in -> c.channels().contains(in.channel())));
        }
        if (c.visibility() != null) {
            list.add(new Check("Message is " + lower(c.visibility()), in -> in.visibility() == c.visibility()));
        }
        if (!c.words().isEmpty()) {
            var words = c.words().stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
            list.add(new Check(
                    "Text contains " + or(quoted(c.words())),
                    in -> words.stream().anyMatch(word -> RuleWords.contains(in.lowerText(), word))));
        }
        if (c.pattern() != null) {
            var pattern = Pattern.compile(c.pattern(), Pattern.CASE_INSENSITIVE);
            list.add(new Check(
                    "Text matches " + c.pattern(),
                    in -> pattern.matcher(in.text()).find()));
        }
        if (!c.hashtags().isEmpty()) {
            list.add(new Check(
                    "Has hashtag " + or(c.hashtags().stream().map(t -> "#" + t).toList()),
                    in -> c.hashtags().stream().anyMatch(in.hashtags()::contains)));
        }
        addAnalysisChecks(c, list);
        if (!c.queues().isEmpty()) {
            list.add(new Check("Queue is " + or(c.queues()), in -> c.queues().contains(in.queue())));
        }
        this.checks = List.copyOf(list);
    }

    private static void addAnalysisChecks(RuleConditions c, List<Check> list) {
        if (c.sentiment() != null) {
            list.add(new Check(
                    "Sentiment is " + lower(c.sentiment()), in -> in.analysis().sentiment() == c.sentiment()));
        }
        if (c.complaint() != null) {
            list.add(new Check(
                    c.complaint() ? "Is a complaint" : "Is not a complaint",
                    in -> in.analysis().complaint() == c.complaint()));
        }
        if (c.urgency() != null) {
            list.add(new Check(
                    "Urgency is at least " + lower(c.urgency()),
                    in -> in.analysis().urgency().compareTo(c.urgency()) >= 0));
        }
        if (!c.signals().isEmpty()) {
            list.add(new Check(
                    "Signal " + or(c.signals()) + " present",
                    in -> c.signals().stream().anyMatch(in.signals()::contains)));
        }
        if (!c.languages().isEmpty()) {
            list.add(new Check(
                    "Language is " + or(c.languages()),
                    in -> c.languages().contains(in.analysis().language())));
        }
    }

    /** The conditions in words, as the rules page lists them. */
    List<String> conditions() {
        return checks.stream().map(Check::condition).toList();
    }

    /** Whether every condition holds; stops at the first that does not. */
    boolean matches(RuleInput input) {
        return checks.stream().allMatch(check -> check.test().test(input));
    }

    /** Every condition with whether it held, in the order a supervisor wrote them. */
    List<Result> explain(RuleInput input) {
        return checks.stream()
                .map(check -> new Result(check.condition(), check.test().test(input)))
                .toList();
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static List<String> quoted(List<String> values) {
        return values.stream().map(v -> "“" + v + "”").toList();
    }

    private static String or(List<String> values) {
        if (values.size() == 1) {
            return values.getFirst();
        }
        return values.subList(0, values.size() - 1).stream().collect(Collectors.joining(", ")) + " or "
                + values.getLast();
    }
}
