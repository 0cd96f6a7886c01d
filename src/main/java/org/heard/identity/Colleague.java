package org.heard.identity;

/** A person of the care team as other modules see them: enough to show and to assign to. */
public record Colleague(long id, String name, String email, Role role) {}
