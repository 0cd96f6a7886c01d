package org.heard.channels;

/**
 * One thing an admin enters to connect an account, as the connect form shows it.
 *
 * @param name the key in {@link Credentials}
 * @param label what the form calls it, in the network's own words
 * @param secret whether it is a secret: shown masked, never sent back to a browser
 * @param help where in the network's console to find it
 */
public record CredentialField(String name, String label, boolean secret, String help) {

    public static CredentialField secret(String name, String label, String help) {
        return new CredentialField(name, label, true, help);
    }

    public static CredentialField plain(String name, String label, String help) {
        return new CredentialField(name, label, false, help);
    }
}
