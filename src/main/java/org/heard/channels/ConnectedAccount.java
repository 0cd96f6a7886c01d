package org.heard.channels;

/**
 * What a network says about an account once the credentials work.
 *
 * @param externalId the network's id for the account
 * @param name how the network names it, for the admin and the inbox
 */
public record ConnectedAccount(String externalId, String name) {

    public ConnectedAccount {
        if (externalId == null || externalId.isBlank()) {
            throw new IllegalArgumentException("A connected account needs the network's id for it");
        }
        if (name == null || name.isBlank()) {
            name = externalId;
        }
    }
}
