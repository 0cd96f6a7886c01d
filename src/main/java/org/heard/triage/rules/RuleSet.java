package org.heard.triage.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.heard.triage.pipeline.RuleOutcome;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The enabled rules in order, ready to run, and how their actions add up for one message. Tags of all
 * matching rules are added together; the priority floor is the highest any of them sets; the queue,
 * the colleague and the automated reply come from the first matching rule that sets each, so a rule
 * higher in the list is never overruled by one below it. A rule that says "stop" ends the run.
 */
final class RuleSet {

    static final RuleSet EMPTY = new RuleSet(List.of());

    private static final Logger log = LoggerFactory.getLogger(RuleSet.class);

    private record Ready(
            Rule rule, RuleMatcher matcher, @Nullable Integer priorityFloor) {}

    private final List<Ready> rules;

    private RuleSet(List<Ready> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Makes the enabled rules ready; a rule that cannot be made ready is left out, and logged. */
    static RuleSet of(List<Rule> rules) {
        var ready = new ArrayList<Ready>();
        for (var rule : rules) {
            if (!rule.enabled()) {
                continue;
            }
            try {
                ready.add(new Ready(
                        rule, new RuleMatcher(rule.conditions()), rule.actions().priorityFloor()));
            } catch (RuntimeException e) {
                log.warn("Triage rule {} ({}) cannot run and is skipped: {}", rule.id(), rule.name(), e.getMessage());
            }
        }
        return new RuleSet(ready);
    }

    int size() {
        return rules.size();
    }

    /** What the rules decide for a message; a rule that fails on it is skipped, never the message. */
    RuleOutcome apply(RuleInput input) {
        var outcome = new Sum();
        for (var ready : rules) {
            boolean matched;
            try {
                matched = ready.matcher().matches(input);
            } catch (RuntimeException e) {
                log.warn(
                        "Triage rule {} failed on a message and is skipped: {}",
                        ready.rule().id(),
                        e.toString());
                continue;
            }
            if (matched) {
                outcome.add(ready);
                if (ready.rule().stop()) {
                    break;
                }
            }
        }
        return outcome.result();
    }

    /** The actions of the matching rules so far. */
    private static final class Sum {
        private final LinkedHashSet<String> tags = new LinkedHashSet<>();
        private final List<String> fired = new ArrayList<>();
        private @Nullable String queue;
        private @Nullable Integer priorityFloor;
        private @Nullable Long assignee;
        private @Nullable String autoReply;

        void add(Ready ready) {
            var actions = ready.rule().actions();
            fired.add(ready.rule().name());
            tags.addAll(actions.tags());
            queue = queue != null ? queue : actions.queue();
            assignee = assignee != null ? assignee : actions.assignee();
            autoReply = autoReply != null ? autoReply : actions.autoReply();
            if (ready.priorityFloor() != null && (priorityFloor == null || ready.priorityFloor() > priorityFloor)) {
                priorityFloor = ready.priorityFloor();
            }
        }

        RuleOutcome result() {
            return fired.isEmpty()
                    ? RuleOutcome.NONE
                    : new RuleOutcome(tags, queue, priorityFloor, assignee, autoReply, fired);
        }
    }
}
