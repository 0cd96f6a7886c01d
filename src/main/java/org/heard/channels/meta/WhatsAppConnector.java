package org.heard.channels.meta;

import static org.heard.channels.meta.MetaWebhooks.ACCESS_TOKEN;
import static org.heard.channels.meta.MetaWebhooks.APP_SECRET;
import static org.heard.channels.meta.MetaWebhooks.text;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.heard.channels.AccountSetup;
import org.heard.channels.Author;
import org.heard.channels.ChannelAccount;
import org.heard.channels.ComposerRules;
import org.heard.channels.ConnectedAccount;
import org.heard.channels.CredentialField;
import org.heard.channels.InboundDelivery;
import org.heard.channels.InboundMessage;
import org.heard.channels.MalformedWebhook;
import org.heard.channels.MessageTemplate;
import org.heard.channels.OutboundMessage;
import org.heard.channels.SendFailed;
import org.heard.channels.Visibility;
import org.heard.channels.WebhookRequest;
import org.heard.channels.meta.WhatsAppPayloads.TemplateDefinition;
import org.heard.channels.meta.WhatsAppPayloads.TemplatePage;
import org.heard.channels.meta.WhatsAppPayloads.TemplateReply;
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
class WhatsAppConnector implements MetaWebhookConnector {

    static final String CHANNEL = "whatsapp";
    static final String PHONE_NUMBER_ID = "phone_number_id";
    static final String BUSINESS_ACCOUNT_ID = "whatsapp_business_account_id";
    private static final String NETWORK = "WhatsApp";
    /**
     * A text message body holds at most 4096 characters. Free-form messages only within 24 hours of the customer's
     * last message; after that only an approved template. A reply quotes the customer's message it answers
     * ({@code context.message_id}).
     */
    private static final ComposerRules RULES = new ComposerRules(4096, false)
            .withPrivateWindow(new ComposerRules.MessagingWindow(
                    Duration.ofHours(24), "WhatsApp only allows an approved template now.", true))
            .withPrivateThreading();
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
                MetaWebhooks.APP_SECRET_FIELD,
                CredentialField.plain(
                        BUSINESS_ACCOUNT_ID,
                        "WhatsApp Business Account ID (for templates)",
                        "WhatsApp > API Setup: the WhatsApp Business Account ID. Optional; without it agents cannot"
                                + " send approved templates after the 24-hour window."));
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
    public MetaWebhooks webhooks() {
        return webhooks;
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
        var template = message.template();
        Object reply = template == null
                ? new TextReply(message.recipient(), message.text(), message.inReplyTo())
                : new TemplateReply(
                        message.recipient(), template.name(), template.language(), template.variables(), null);
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

    /**
     * The business account's approved templates whose only variables are in the body, the ones an agent can fill in
     * from the composer; templates with a media header or variables in the header or a button are left out.
     */
    @Override
    public List<MessageTemplate> templates(ChannelAccount account) throws SendFailed {
        var credentials = account.credentials();
        var waba = credentials
                .find(BUSINESS_ACCOUNT_ID)
                .orElseThrow(
                        () -> SendFailed.refused(
                                "Heard cannot list this number's templates: enter its WhatsApp Business Account ID in Channels."));
        var answer = graph.get(
                NETWORK,
                GraphApi.segment(waba) + "/message_templates",
                Map.of(
                        "status",
                        "APPROVED",
                        "fields",
                        "name,language,status,category,parameter_format,components",
                        "limit",
                        "100"),
                credentials.get(ACCESS_TOKEN));
        if (!answer.ok() || !answer.body().path("data").isArray()) {
            throw graph.failure(NETWORK, answer, OUTSIDE_WINDOW, "the list of templates");
        }
        var page = webhooks.convert(answer.body(), TemplatePage.class);
        var templates = new ArrayList<MessageTemplate>();
        for (var definition : page.data() == null ? List.<TemplateDefinition>of() : page.data()) {
            var template = composable(definition);
            if (template != null) {
                templates.add(template);
            }
        }
        templates.sort(java.util.Comparator.comparing(MessageTemplate::name).thenComparing(MessageTemplate::language));
        return templates;
    }

    private static @Nullable MessageTemplate composable(TemplateDefinition definition) {
        if (definition.name() == null
                || definition.language() == null
                || !"APPROVED".equals(definition.status())
                || "NAMED".equals(definition.parameterFormat())
                || definition.components() == null) {
            return null;
        }
        String header = null;
        String body = null;
        String footer = null;
        for (var component : definition.components()) {
            var type = component.type() == null ? "" : component.type();
            switch (type) {
                case "BODY" -> body = component.text();
                case "FOOTER" -> footer = component.text();
                case "HEADER" -> {
                    if (!"TEXT".equals(component.format()) || hasVariable(component.text())) {
                        return null;
                    }
                    header = component.text();
                }
                case "BUTTONS" -> {
                    if (component.buttons() != null
                            && component.buttons().stream().anyMatch(b -> hasVariable(b.url()))) {
                        return null;
                    }
                }
                default -> {}
            }
        }
        if (body == null) {
            return null;
        }
        // What the customer reads: the header and footer are fixed text around the body.
        var shown = (header == null ? "" : header + "\n\n") + body + (footer == null ? "" : "\n\n" + footer);
        return new MessageTemplate(definition.name(), definition.language(), shown);
    }

    private static boolean hasVariable(@Nullable String text) {
        return text != null && text.contains("{{");
    }

    private static @Nullable Long epoch(@Nullable String seconds) {
        try {
            return seconds == null ? null : Long.parseLong(seconds.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
