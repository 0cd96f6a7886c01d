package org.heard.triage.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.heard.identity.Colleague;
import org.heard.platform.Refused;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What supervisors do to the rules. Every change is checked before it is saved, recorded in the audit
 * trail in the same transaction, and announced so that the rules in force are refreshed once it
 * commits.
 */
@Service
@Transactional
class RuleEditing {

    private final Rules rules;
    private final RuleAudit audit;
    private final RuleValidation validation;
    private final ApplicationEventPublisher events;

    RuleEditing(Rules rules, RuleAudit audit, RuleValidation validation, ApplicationEventPublisher events) {
        this.rules = rules;
        this.audit = audit;
        this.validation = validation;
        this.events = events;
    }

    Rule create(RuleDraft draft, Colleague by) {
        var checked = validation.checked(draft);
        rules.lock();
        var rule = rules.add(checked);
        audit.record(RuleChange.CREATED, rule.id(), rule.name(), null, rule, by);
        events.publishEvent(new RulesChanged());
        return rule;
    }

    /** Saves a new version of a rule; switching it on or off alone is recorded as such. */
    Rule change(long id, RuleDraft draft, Colleague by) {
        var checked = validation.checked(draft);
        rules.lock();
        var before = existing(id);
        var after = rules.change(id, checked);
        var change =
                before.draft().enabled(after.enabled()).equals(after.draft()) && before.enabled() != after.enabled()
                        ? (after.enabled() ? RuleChange.ENABLED : RuleChange.DISABLED)
                        : RuleChange.CHANGED;
        audit.record(change, id, after.name(), before, after, by);
        events.publishEvent(new RulesChanged());
        return after;
    }

    /** Switches a rule on or off without checking it again: an old rule can always be switched off. */
    Rule enable(long id, boolean enabled, Colleague by) {
        rules.lock();
        var before = existing(id);
        if (before.enabled() == enabled) {
            return before;
        }
        var after = rules.change(id, before.draft().enabled(enabled));
        audit.record(enabled ? RuleChange.ENABLED : RuleChange.DISABLED, id, after.name(), before, after, by);
        events.publishEvent(new RulesChanged());
        return after;
    }

    void delete(long id, Colleague by) {
        rules.lock();
        var before = existing(id);
        rules.delete(id);
        audit.record(RuleChange.DELETED, id, before.name(), before, null, by);
        events.publishEvent(new RulesChanged());
    }

    /** Puts the rules in a new order; the list must name every rule once. */
    List<Rule> order(List<Long> ids, Colleague by) {
        rules.lock();
        var before = rules.all();
        var known = before.stream().map(Rule::id).toList();
        if (ids.size() != known.size() || !new HashSet<>(ids).equals(new HashSet<>(known))) {
            throw new Refused("The new order must list every rule exactly once (" + known.size()
                    + " rules); someone may have added or deleted one meanwhile. Reload and try again.");
        }
        rules.order(ids);
        var after = rules.all();
        audit.record(RuleChange.REORDERED, null, null, names(before), names(after), by);
        events.publishEvent(new RulesChanged());
        return after;
    }

    /** Moves a rule one place earlier ({@code -1}) or later ({@code +1}) in the order. */
    List<Rule> move(long id, int step, Colleague by) {
        var ids = new ArrayList<>(rules.all().stream().map(Rule::id).toList());
        int at = ids.indexOf(id);
        if (at < 0) {
            throw new RuleNotFound(id);
        }
        int to = Math.clamp(at + (long) step, 0, ids.size() - 1);
        if (to == at) {
            return rules.all();
        }
        ids.add(to, ids.remove(at));
        return order(ids, by);
    }

    private Rule existing(long id) {
        return rules.find(id).orElseThrow(() -> new RuleNotFound(id));
    }

    private static List<String> names(List<Rule> rules) {
        return rules.stream().map(rule -> rule.id() + ": " + rule.name()).toList();
    }
}
