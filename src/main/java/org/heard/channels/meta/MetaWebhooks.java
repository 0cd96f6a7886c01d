package org.heard.channels.meta;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.heard.channels.ChannelAccount;
import org.heard.channels.ChannelConnector;
import org.heard.channels.CredentialField;
import org.heard.channels.InboundDelivery;
import org.heard.channels.MalformedWebhook;
import org.heard.channels.WebhookRejected;
import org.heard.channels.WebhookRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What every Meta webhook has in common: the verification request ({@code hub.mode=subscribe}, the verify token,
 * {@code hub.challenge} echoed back), the signature made with the App Secret, and the envelope of an {@code object}
 * with a list of {@code entry}, one per Page, Instagram account or WhatsApp Business Account.
 *
 * <p>Meta sends every object an app is subscribed to to the one callback URL of the app, so an entry may be for
 * another Page or number than the account whose URL was called. Such entries are left out with a warning rather
 * than refused: refusing would make Meta redeliver, and drop, the entries that are this account's own.
 *
 * @see <a href="https://developers.facebook.com/docs/graph-api/webhooks/getting-started">Webhooks: getting started</a>
 */
public final class MetaWebhooks {

    public static final String APP_SECRET = "app_secret";
    public static final String ACCESS_TOKEN = "access_token";
    static final String HUMAN_AGENT_TAG = "human_agent_tag";

    /** Facebook, Instagram and WhatsApp accounts are set up with the App Secret of the Meta app that sends them. */
    static final CredentialField APP_SECRET_FIELD = CredentialField.secret(
            APP_SECRET, "App Secret", "App settings > Basic in your Meta app; it signs every webhook.");

    private static final Logger log = LoggerFactory.getLogger(MetaWebhooks.class);

    private final JsonMapper json;

    public MetaWebhooks(JsonMapper json) {
        this.json = json;
    }

    /** Echoes {@code hub.challenge} when the verify token is the account's, compared in constant time. */
    public Optional<String> answerChallenge(WebhookRequest request) {
        var account = request.requireAccount();
        var query = request.query();
        var expected = account.verifyToken();
        var given = query.get("hub.verify_token");
        var challenge = query.get("hub.challenge");
        if (!"subscribe".equals(query.get("hub.mode"))
                || expected == null
                || expected.isBlank()
                || given == null
                || challenge == null) {
            return Optional.empty();
        }
        boolean same = MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
        return same ? Optional.of(challenge) : Optional.empty();
    }

    public void verify(WebhookRequest request) {
        var secret = request.requireAccount().credentials().getOrNull(APP_SECRET);
        if (secret == null
                || !new MetaSignature(secret).matches(request.body(), request.header(MetaSignature.HEADER))) {
            throw new WebhookRejected("The " + MetaSignature.HEADER
                    + " header is missing or does not match the body signed with the account's App Secret.");
        }
    }

    /** The entries of a webhook for {@code object} that belong to the account, each with its id checked. */
    List<JsonNode> entries(WebhookRequest request, String object, String network) {
        JsonNode root;
        try {
            root = json.readTree(request.body());
        } catch (JacksonException e) {
            throw new MalformedWebhook("The body is not a " + network + " webhook: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject() || !object.equals(text(root.path("object")))) {
            throw new MalformedWebhook(
                    "A " + network + " webhook is a JSON object with \"object\": \"" + object + "\".");
        }
        var entries = root.path("entry");
        if (!entries.isArray()) {
            throw new MalformedWebhook("A " + network + " webhook carries an \"entry\" list.");
        }
        var kept = new ArrayList<JsonNode>();
        for (var entry : entries.values()) {
            if (!entry.isObject() || text(entry.path("id")) == null) {
                throw new MalformedWebhook("Each " + network + " webhook entry has an \"id\".");
            }
            kept.add(entry);
        }
        return kept;
    }

    /** Whether an id in the webhook is the account's own; if not, the event is left out and said so. */
    boolean belongsTo(ChannelAccount account, @Nullable String id, String network) {
        if (account.externalId().equals(id)) {
            return true;
        }
        log.warn(
                "Left out a {} event for {} that reached the webhook of account {}: each Meta app sends all its"
                        + " Pages and numbers to one callback URL, so this one is not Heard's to read here.",
                network,
                id,
                account.externalId());
        return false;
    }

    /** An entry cut down to one event, kept as the delivery's raw payload in the shape Meta sent it. */
    String slice(JsonNode entry, String list, JsonNode event) {
        ObjectNode kept = json.createObjectNode();
        entry.properties().forEach(field -> {
            if (!field.getValue().isArray()) {
                kept.set(field.getKey(), field.getValue());
            }
        });
        kept.putArray(list).add(event);
        return json.writeValueAsString(kept);
    }

    /**
     * A delivery of one event, normalised once on arrival so that an event Heard cannot read is refused while Meta can
     * still send it again, rather than failing later in the inbox.
     *
     * @param event what the event is called in the refusal, such as {@code "Facebook event"}
     */
    public static InboundDelivery checked(
            ChannelConnector connector, String account, String id, String payload, String event) {
        try {
            var delivery = new InboundDelivery(account, id, payload);
            connector.normalise(delivery);
            return delivery;
        } catch (IllegalArgumentException e) {
            throw new MalformedWebhook(event + " " + id + ": " + e.getMessage(), e);
        }
    }

    JsonNode tree(String payload) {
        try {
            return json.readTree(payload);
        } catch (JacksonException e) {
            throw new MalformedWebhook("A recorded Meta event is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    <T> T convert(JsonNode node, Class<T> type) {
        try {
            return json.treeToValue(node, type);
        } catch (JacksonException e) {
            throw new MalformedWebhook("A Meta event has an unexpected shape: " + e.getOriginalMessage(), e);
        }
    }

    /** A string or number field as text; null for anything else, including a missing field. */
    static @Nullable String text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        return node.isString() ? node.stringValue() : node.isNumber() ? node.asString() : null;
    }

    /** Meta's times are epoch seconds in some places and milliseconds in others. */
    static @Nullable Instant instant(@Nullable Long epoch) {
        if (epoch == null || epoch <= 0) {
            return null;
        }
        return epoch > 100_000_000_000L ? Instant.ofEpochMilli(epoch) : Instant.ofEpochSecond(epoch);
    }
}
