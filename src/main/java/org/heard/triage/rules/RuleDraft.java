package org.heard.triage.rules;

import org.jspecify.annotations.Nullable;

/**
 * A rule as a supervisor writes it, before it has a place in the order. Checked by
 * {@link RuleValidation} before it is saved or tried.
 *
 * @param name what the team reads when the rule fires
 * @param enabled whether the rule runs; a rule without this said is enabled
 * @param stop whether no later rule runs once this one applied; a rule without this said does not stop
 */
record RuleDraft(
        @Nullable String name,
        @Nullable Boolean enabled,
        @Nullable Boolean stop,
        @Nullable RuleConditions conditions,
        @Nullable RuleActions actions) {

    RuleDraft {
        name = name == null ? "" : name.strip();
        enabled = enabled == null || enabled;
        stop = stop != null && stop;
        conditions = conditions == null
                ? new RuleConditions(null, null, null, null, null, null, null, null, null, null, null)
                : conditions;
        actions = actions == null ? new RuleActions(null, null, null, null, null) : actions;
    }

    /** The same rule switched on or off. */
    RuleDraft enabled(boolean on) {
        return new RuleDraft(name, on, stop, conditions, actions);
    }
}
