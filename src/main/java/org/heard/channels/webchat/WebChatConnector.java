package org.heard.channels.webchat;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.heard.channels.AccountSetup;
import org.heard.channels.Author;
import org.heard.channels.ChannelAccount;
import org.heard.channels.ChannelConnector;
import org.heard.channels.ComposerRules;
import org.heard.channels.ConnectedAccount;
import org.heard.channels.ConnectionFailed;
import org.heard.channels.CredentialField;
import org.heard.channels.InboundDelivery;
import org.heard.channels.InboundMessage;
import org.heard.channels.MalformedWebhook;
import org.heard.channels.OutboundMessage;
import org.heard.channels.SendFailed;
import org.heard.channels.Visibility;
import org.heard.channels.WebhookRejected;
import org.heard.channels.WebhookRequest;
import org.heard.channels.webchat.WebChatPayloads.Event;
import org.heard.channels.webchat.WebChatPayloads.Posted;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Web chat on the company's own website: Heard is the network. The widget ({@code /p/chat.js}) posts a
 * visitor's messages to the account's webhook URL with the visitor's pass; replies go into the visitor's
 * transcript and out to their open widgets at once.
 */
@Component
class WebChatConnector implements ChannelConnector {

    static final String CHANNEL = "webchat";
    static final String WEBSITE = "website";
    static final int MAX_TEXT = 5000;
    private static final ComposerRules RULES = new ComposerRules(MAX_TEXT, false);

    private final JsonMapper json;
    private final Transcripts transcripts;
    private final VisitorStreams streams;

    WebChatConnector(JsonMapper json, Transcripts transcripts, VisitorStreams streams) {
        this.json = json;
        this.transcripts = transcripts;
        this.streams = streams;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public String displayName() {
        return "Web chat";
    }

    @Override
    public List<CredentialField> credentialFields() {
        return List.of(CredentialField.plain(
                WEBSITE,
                "Website address",
                "The site the widget is put on, such as https://shop.example. Only pages there may use this widget."));
    }

    @Override
    public ConnectedAccount connect(AccountSetup setup) {
        var origin = origin(setup.credentials().get(WEBSITE));
        return new ConnectedAccount(origin, URI.create(origin).getHost());
    }

    /**
     * Why a page at {@code origin} may not use this widget, or null if it may. A request without an
     * Origin header comes from no page (a server, a test) and is judged by the visitor's pass alone.
     */
    static @Nullable String foreignSite(ChannelAccount account, @Nullable String origin) {
        if (origin == null || origin.equalsIgnoreCase(account.externalId())) {
            return null;
        }
        return "This chat widget belongs to " + account.externalId() + ", not " + origin + ".";
    }

    /** The site's origin, {@code scheme://host[:port]}, as browsers send it in the Origin header. */
    static String origin(String website) {
        URI uri;
        try {
            uri = URI.create(website.strip());
        } catch (IllegalArgumentException e) {
            throw new ConnectionFailed("'" + website + "' is not a web address; write it like https://shop.example.");
        }
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            throw new ConnectionFailed("'" + website + "' is not a web address; write it like https://shop.example.");
        }
        var port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + port;
    }

    @Override
    public void verify(WebhookRequest request) {
        var account = request.requireAccount();
        if (!VisitorPass.valid(
                account, request.header(VisitorPass.VISITOR_HEADER), request.header(VisitorPass.TOKEN_HEADER))) {
            throw new WebhookRejected("The visitor's pass is missing or wrong; the widget starts a new chat session.");
        }
        var elsewhere = foreignSite(account, request.header("Origin"));
        if (elsewhere != null) {
            throw new WebhookRejected(elsewhere);
        }
    }

    @Override
    public List<InboundDelivery> read(WebhookRequest request) {
        var account = request.requireAccount();
        Posted posted;
        try {
            posted = json.readValue(request.body(), Posted.class);
        } catch (JacksonException e) {
            throw new MalformedWebhook("The body is not a web chat message: " + e.getOriginalMessage(), e);
        }
        if (posted != null && !posted.isMessage()) {
            return List.of();
        }
        if (posted == null || posted.id() == null || !posted.id().matches("[A-Za-z0-9_-]{1,64}")) {
            throw new MalformedWebhook("A web chat message needs an id of up to 64 letters, digits, - or _.");
        }
        if (posted.text() == null || posted.text().isBlank()) {
            throw new MalformedWebhook("A web chat message needs text.");
        }
        if (posted.text().length() > MAX_TEXT) {
            throw new MalformedWebhook("A web chat message has at most " + MAX_TEXT + " characters.");
        }
        var visitor = request.header(VisitorPass.VISITOR_HEADER);
        var event = new Event(
                visitor,
                posted.id(),
                posted.text().strip(),
                bounded(posted.name(), 100),
                bounded(posted.email(), 200),
                Instant.now());
        return List.of(
                new InboundDelivery(account.externalId(), visitor + ":" + posted.id(), json.writeValueAsString(event)));
    }

    @Override
    public InboundMessage normalise(InboundDelivery delivery) {
        Event event;
        try {
            event = json.readValue(delivery.payload(), Event.class);
        } catch (JacksonException e) {
            throw new MalformedWebhook("A recorded web chat event cannot be read: " + e.getOriginalMessage(), e);
        }
        var name = event.name() != null
                ? event.name()
                : "Website visitor " + event.visitor().substring(2, 6);
        return new InboundMessage(
                CHANNEL,
                delivery.account(),
                delivery.externalId(),
                new Author(event.visitor(), event.email(), name, null, null),
                event.text(),
                Visibility.PRIVATE,
                null,
                event.sentAt());
    }

    @Override
    public String send(OutboundMessage message, @Nullable ChannelAccount account) throws SendFailed {
        if (message.recipient() == null) {
            throw SendFailed.refused("A web chat reply needs the visitor it is for.");
        }
        try {
            var line = transcripts.teamWrote(
                    message.account(), message.recipient(), message.idempotencyKey(), message.text(), Instant.now());
            streams.push(message.account(), message.recipient(), line);
            return "webchat-" + line.id();
        } catch (DataIntegrityViolationException e) {
            throw SendFailed.refused("The reply cannot be kept for the visitor: "
                    + e.getMostSpecificCause().getMessage());
        } catch (DataAccessException e) {
            throw SendFailed.later(
                    "The reply could not be saved for the visitor yet: " + e.getMostSpecificCause(), null);
        }
    }

    /** Sending again is harmless: the transcript keeps a reply once per idempotency key. */
    @Override
    public boolean sendsOnce() {
        return true;
    }

    @Override
    public ComposerRules rules() {
        return RULES;
    }

    private static @Nullable String bounded(@Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        var text = value.strip();
        return text.length() <= max ? text : text.substring(0, max);
    }
}
