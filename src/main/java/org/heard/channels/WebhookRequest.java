package org.heard.channels;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A webhook call as a network made it: header names are lower case; the body is as received.
 *
 * @param account the account named by the webhook URL's key, or null on a channel without accounts
 */
public record WebhookRequest(
        Map<String, List<String>> headers,
        Map<String, String> query,
        byte[] body,
        @Nullable ChannelAccount account) {

    public WebhookRequest(Map<String, List<String>> headers, Map<String, String> query, byte[] body) {
        this(headers, query, body, null);
    }

    public @Nullable String header(String name) {
        var values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The account this webhook is for; a connector whose webhooks carry secrets per account needs one. */
    public ChannelAccount requireAccount() {
        if (account == null) {
            throw new WebhookRejected(
                    "Use the account's own webhook URL, /hooks/<channel>/<key>, shown on its settings page.");
        }
        return account;
    }
}
