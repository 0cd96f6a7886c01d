package org.heard.triage.pipeline;

/** The supervisors' ordered rules, applied to each customer message. */
public interface RuleBook {

    /** Applies the enabled rules in order to the message; never throws for any message. */
    RuleOutcome apply(TriageSubject subject);
}
