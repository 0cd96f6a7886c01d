package org.heard.triage.rules;

import java.time.Instant;

/**
 * A saved rule in its place in the order.
 *
 * @param position where it runs: lower runs first
 * @param stop whether no later rule runs once this one applied
 */
record Rule(
        long id,
        int position,
        String name,
        boolean enabled,
        boolean stop,
        RuleConditions conditions,
        RuleActions actions,
        Instant updatedAt) {

    RuleDraft draft() {
        return new RuleDraft(name, enabled, stop, conditions, actions);
    }
}
