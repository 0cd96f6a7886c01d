package org.heard.identity;

/** What a person may do in Heard; each role includes the ones below it. */
public enum Role {
    ADMIN,
    SUPERVISOR,
    AGENT;

    public String authority() {
        return "ROLE_" + name();
    }
}
