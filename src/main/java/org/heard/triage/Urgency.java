package org.heard.triage;

/** How soon a message needs a person: an outage, money taken twice or a safety worry cannot wait. */
public enum Urgency {
    NONE,
    ELEVATED,
    HIGH
}
