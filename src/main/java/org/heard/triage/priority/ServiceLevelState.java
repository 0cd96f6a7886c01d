package org.heard.triage.priority;

/** Where a conversation stands against its service level. */
public enum ServiceLevelState {
    ON_TIME,
    WARNING,
    BREACHED
}
