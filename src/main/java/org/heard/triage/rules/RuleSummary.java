package org.heard.triage.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A saved rule as the list on the rules page reads it: "when" and "then" in plain words, with queue
 * and colleague names rather than keys and ids.
 */
record RuleSummary(Rule rule, List<String> when, List<String> then) {

    static RuleSummary of(Rule rule, Map<String, String> queueNames, Map<Long, String> colleagueNames) {
        List<String> when;
        try {
            when = new RuleMatcher(rule.conditions()).conditions();
        } catch (RuntimeException e) {
            when = List.of("A condition can no longer run (" + e.getMessage() + "); edit the rule to fix it");
        }
        return new RuleSummary(rule, when, then(rule.actions(), queueNames, colleagueNames));
    }

    private static List<String> then(
            RuleActions actions, Map<String, String> queueNames, Map<Long, String> colleagueNames) {
        var then = new ArrayList<String>();
        if (!actions.tags().isEmpty()) {
            then.add("Tag " + String.join(", ", actions.tags()));
        }
        if (actions.queue() != null) {
            then.add("Put in queue " + queueNames.getOrDefault(actions.queue(), actions.queue()));
        }
        if (actions.priority() != null) {
            then.add("Priority at least " + actions.priority());
        }
        if (actions.assignee() != null) {
            then.add("Assign to " + colleagueNames.getOrDefault(actions.assignee(), "colleague " + actions.assignee()));
        }
        if (actions.autoReply() != null) {
            then.add("Reply automatically: “" + actions.autoReply() + "”");
        }
        return then;
    }
}
