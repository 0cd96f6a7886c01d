package org.heard.channels.sandbox;

/** Someone on the sandbox network. The brand is the account Heard answers for. */
public record Persona(long id, String handle, String name, long followers, boolean brand) {}
