package org.heard.channels.meta;

import static org.heard.channels.meta.MetaWebhooks.ACCESS_TOKEN;
import static org.heard.channels.meta.MetaWebhooks.APP_SECRET;
import static org.heard.channels.meta.MetaWebhooks.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.heard.channels.AccountSetup;
import org.heard.channels.Author;
import org.heard.channels.ChannelAccount;
import org.heard.channels.ChannelConnector;
import org.heard.channels.ComposerRules;
import org.heard.channels.ConnectedAccount;
import org.heard.channels.CredentialField;
import org.heard.channels.InboundDelivery;
import org.heard.channels.InboundMessage;
import org.heard.channels.MalformedWebhook;
import org.heard.channels.OutboundMessage;
import org.heard.channels.SendFailed;
import org.heard.channels.Visibility;
import org.heard.channels.WebhookRequest;
import org.heard.channels.meta.WhatsAppPayloads.TextReply;
import org.heard.channels.meta.WhatsAppPayloads.Value;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * WhatsApp through Meta's Cloud API: customers' messages to one business phone number arrive in the
 * {@code messages} webhook field; replies go to {@code POST /<PHONE_NUMBER_ID>/messages}. Every conversation is
 * private. Delivery statuses of Heard's own replies arrive in the same field and are acknowledged and left out.
 */
@Component
class WhatsAppConnector implements ChannelConnector {

    static final String CHANNEL = "whatsapp";
    static final String PHONE_NUMBER_ID = "phone_number_id";
    private static final String NETWORK = "WhatsApp";
    /** A text message body holds at most 4096 characters. */
    private static final ComposerRules RULES = new ComposerRules(4096, false);
    /** What a customer writes; reactions, system notices and types added later are left out. */
    private static final Set<String> CUSTOMER_MESSAGES = Set.of(
            "text", "button", "interactive", "image", "video", "document", "audio", "sticker", "location", "contacts");

    static final String OUTSIDE_WINDOW =
            "The customer last wrote more than 24 hours ago; WhatsApp only allows an approved template now.";

    private final MetaWebhooks webhooks;
    private final GraphApi graph;

    WhatsAppConnector(JsonMapper json, GraphApi graph) {
        this.webhooks = new MetaWebhooks(json);
        this.graph = graph;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public String displayName() {
        return NETWORK;
    }

    @Override
    public List<CredentialField> credentialFields() {
        return List.of(
                CredentialField.plain(
                        PHONE_NUMBER_ID,
                        "Phone number ID",
                        "WhatsApp > API Setup in your Meta app: the ID of the business phone number, not the number."),
                CredentialField.secret(
                        ACCESS_TOKEN,
                        "System user access token",
                        "Business Settings > System users: a token with whatsapp_business_messaging for this app."),
                CredentialField.secret(
                        APP_SECRET, "App Secret", "App settings > Basic in your Meta app; it signs every webhook."));
    }

    @Override
    public ConnectedAccount connect(AccountSetup setup) {
        var credentials = setup.credentials();
        var id = credentials.get(PHONE_NUMBER_ID);
        credentials.get(APP_SECRET);
        var number = graph.read(
                NETWORK,
                GraphApi.segment(id),
                Map.of("fields", "display_phone_number,verified_name"),
                credentials.get(ACCESS_TOKEN));
        var name = text(number.path("verified_name"));
        var display = text(number.path("display_phone_number"));
        return new ConnectedAccount(id, name == null ? display : display == null ? name : name + " (" + display + ")");
    }

    @Override
    public Optional<String> answerChallenge(WebhookRequest request) {
        return webhooks.answerChallenge(request);
    }

    @Override
    public void verify(WebhookRequest request) {
        webhooks.verify(request);
    }

    @Override
    public List<InboundDelivery> read(WebhookRequest request) {
        var account = request.requireAccount();
        var deliveries = new ArrayList<InboundDelivery>();
        for (var entry : webhooks.entries(request, "whatsapp_business_account", NETWORK)) {
            for (var change : entry.path("changes").values()) {
                var value = change.path("value");
                if (!"messages".equals(text(change.path("field")))
                        || !value.path("messages").isArray()) {
                    continue; // statuses of Heard's replies, errors, and fields Heard does not subscribe to
                }
                var number = text(value.path("metadata").path("phone_number_id"));
                if (!webhooks.belongsTo(account, number, NETWORK)) {
                    continue;
                }
                for (var message : value.path("messages").values()) {
                    if (!CUSTOMER_MESSAGES.contains(text(message.path("type")))) {
                        continue;
                    }
                    var id = text(message.path("id"));
                    if (id == null || text(message.path("from")) == null) {
                        throw new MalformedWebhook("Each WhatsApp message has an \"id\" and a \"from\".");
                    }
                    var payload = webhooks.slice(entry, "changes", oneMessage(change, message));
                    deliveries.add(checked(new InboundDelivery(account.externalId(), id, payload)));
                }
            }
        }
        return deliveries;
    }

    /** The change with only this message and its sender's contact, as Meta would have sent it alone. */
    private static JsonNode oneMessage(JsonNode change, JsonNode message) {
        var copy = (ObjectNode) change.deepCopy();
        var value = (ObjectNode) copy.path("value");
        var from = text(message.path("from"));
        var contacts = value.putArray("contacts");
        for (var contact : change.path("value").path("contacts").values()) {
            if (from != null && from.equals(text(contact.path("wa_id")))) {
                contacts.add(contact);
            }
        }
        value.remove("statuses");
        value.putArray("messages").add(message);
        return copy;
    }

    private InboundDelivery checked(InboundDelivery delivery) {
        try {
            normalise(delivery);
            return delivery;
        } catch (IllegalArgumentException e) {
            throw new MalformedWebhook("WhatsApp message " + delivery.externalId() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public InboundMessage normalise(InboundDelivery delivery) {
        var change = webhooks.tree(delivery.payload()).path("changes").path(0);
        var value = webhooks.convert(change.path("value"), Value.class);
        if (value.messages() == null || value.messages().size() != 1) {
            throw new MalformedWebhook("A recorded WhatsApp event holds exactly one message.");
        }
        var message = value.messages().getFirst();
        if (message.from() == null || message.id() == null) {
            throw new MalformedWebhook("A WhatsApp message has an \"id\" and a \"from\".");
        }
        var contact = value.contacts() == null || value.contacts().isEmpty()
                ? null
                : value.contacts().getFirst();
        var name = contact == null || contact.profile() == null
                ? null
                : contact.profile().name();
        return new InboundMessage(
                CHANNEL,
                delivery.account(),
                message.id(),
                new Author(message.from(), "+" + message.from(), name, null, null),
                message.readable(),
                Visibility.PRIVATE,
                message.context() == null ? null : message.context().id(),
                MetaWebhooks.instant(epoch(message.timestamp())));
    }

    @Override
    public String send(OutboundMessage message, @Nullable ChannelAccount account) throws SendFailed {
        if (account == null) {
            throw SendFailed.refused("A WhatsApp reply needs the account of the phone number it is sent from.");
        }
        if (message.visibility() != Visibility.PRIVATE || message.recipient() == null) {
            throw SendFailed.refused("WhatsApp has no public replies; answer the customer in their chat.");
        }
        var credentials = account.credentials();
        var path = GraphApi.segment(credentials.get(PHONE_NUMBER_ID)) + "/messages";
        var reply = new TextReply(message.recipient(), message.text(), message.inReplyTo());
        var answer = graph.post(NETWORK, path, reply, credentials.get(ACCESS_TOKEN));
        var sent = answer.ok() ? answer.body().path("messages").path(0).path("id") : null;
        if (sent != null && sent.isString()) {
            return sent.stringValue();
        }
        throw graph.failure(NETWORK, answer, OUTSIDE_WINDOW);
    }

    @Override
    public ComposerRules rules() {
        return RULES;
    }

    private static @Nullable Long epoch(@Nullable String seconds) {
        try {
            return seconds == null ? null : Long.parseLong(seconds.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
