package org.heard.channels;

/**
 * What a connector is given to connect an account.
 *
 * @param webhookUrl the URL the network must call, for connectors that register it themselves (Telegram's
 *     {@code setWebhook}); others show it to the admin to paste into the network's console
 * @param verifyToken the token Heard generated for this account's webhook checks
 */
public record AccountSetup(Credentials credentials, String webhookUrl, String verifyToken) {

    @Override
    public String toString() {
        return "AccountSetup[" + webhookUrl + ", " + credentials + "]";
    }
}
