package org.heard.triage.rules;

/** What a supervisor did to the rules, as the audit trail records it. */
enum RuleChange {
    CREATED,
    CHANGED,
    DELETED,
    REORDERED,
    ENABLED,
    DISABLED
}
