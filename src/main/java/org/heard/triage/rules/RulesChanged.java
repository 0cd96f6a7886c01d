package org.heard.triage.rules;

/** The saved rules changed; published inside the change's transaction. */
record RulesChanged() {}
