package org.heard.channels;

import org.jspecify.annotations.Nullable;

/**
 * One connected account on a network: a Page, a bot, a mailbox, a web chat widget.
 *
 * @param key the random, URL-safe part of its webhook URL ({@code /hooks/<channel>/<key>}) that tells
 *     Heard which account a delivery is for before anything in it is trusted
 * @param externalId the network's id for the account (page id, bot id, handle, mailbox)
 * @param verifyToken the token the admin pastes into the network's console, for networks that echo
 *     one back when they check a webhook URL (Meta's {@code hub.verify_token}, Telegram's secret token)
 */
public record ChannelAccount(
        long id,
        String channel,
        String key,
        String externalId,
        String name,
        @Nullable String verifyToken,
        Credentials credentials) {

    @Override
    public String toString() {
        return "ChannelAccount[" + channel + "/" + externalId + " '" + name + "', " + credentials + "]";
    }
}
