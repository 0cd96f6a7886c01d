package org.heard.channels.meta;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.heard.channels.ChannelAccount;
import org.heard.channels.ChannelConnectorContract.Challenge;
import org.heard.channels.WebhookRequest;

/**
 * Requests as Meta sends them to an account's webhook URL, for Facebook, Instagram and WhatsApp alike: a delivery
 * signed with an App Secret in {@code X-Hub-Signature-256}, and the verification request with the verify token.
 */
final class MetaWebhookRequests {

    private MetaWebhookRequests() {}

    /** A delivery signed with {@code appSecret}; the header is lower-cased, as Heard's endpoint hands it over. */
    static WebhookRequest signedWith(String appSecret, byte[] body, ChannelAccount account) {
        var headers = new HashMap<String, List<String>>();
        headers.put(MetaSignature.HEADER.toLowerCase(Locale.ROOT), List.of(new MetaSignature(appSecret).sign(body)));
        return new WebhookRequest(headers, Map.of(), body, account);
    }

    /** Meta's {@code hub.mode=subscribe} request with the account's verify token, answered with the challenge. */
    static Optional<Challenge> subscription(String verifyToken, String challenge, ChannelAccount account) {
        var query = Map.of("hub.mode", "subscribe", "hub.verify_token", verifyToken, "hub.challenge", challenge);
        return Optional.of(new Challenge(new WebhookRequest(Map.of(), query, new byte[0], account), challenge));
    }
}
