/**
 * Supervisors' triage rules: ordered "when these conditions hold, do these things" rules that tag,
 * route, prioritise, assign or answer a customer's message automatically. Rules are checked when
 * saved, held in memory and applied to every message without touching the database; each change is
 * audited with who made it and the rule before and after.
 */
package org.heard.triage.rules;
