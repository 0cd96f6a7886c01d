package org.heard.channels.x;

import jakarta.annotation.PreDestroy;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.heard.channels.AccountSetup;
import org.heard.channels.ChannelAccount;
import org.heard.channels.ChannelConnector;
import org.heard.channels.ComposerRules;
import org.heard.channels.ConnectedAccount;
import org.heard.channels.ConnectionFailed;
import org.heard.channels.CredentialField;
import org.heard.channels.InboundDelivery;
import org.heard.channels.InboundMessage;
import org.heard.channels.OutboundMessage;
import org.heard.channels.Poll;
import org.heard.channels.SendFailed;
import org.heard.channels.Visibility;
import org.heard.channels.WebhookRejected;
import org.heard.channels.WebhookRequest;
import org.heard.channels.x.XPayloads.Created;
import org.heard.channels.x.XPayloads.Me;
import org.heard.channels.x.XPayloads.NewMessage;
import org.heard.channels.x.XPayloads.NewPost;
import org.heard.channels.x.XPayloads.Reply;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * X (formerly Twitter). Heard polls each account, which works on every paid API plan; an account whose
 * app has the Account Activity API also gets its posts and Direct Messages by webhook, answered with
 * X's Challenge-Response Check and checked against {@code x-twitter-webhooks-signature}. See
 * docs/channels/x.md.
 */
@Component
class XConnector implements ChannelConnector {

    static final String CHANNEL = "x";
    private static final ComposerRules RULES = new ComposerRules(280, true, ComposerRules.Counting.X_WEIGHTED);

    private final JsonMapper json;
    private final HttpClient http;
    private final XApi api;
    private final XInbound inbound;
    private final XPoller poller;
    private final Clock clock;

    @Autowired
    XConnector(
            JsonMapper json,
            @Value("${heard.channels.x.api-url:https://api.x.com}") URI apiUrl,
            @Value("${heard.channels.x.monthly-read-budget:10000}") long monthlyReadBudget,
            @Value("${heard.channels.x.min-poll-interval:PT1M}") Duration minInterval,
            @Value("${heard.channels.x.max-pages:5}") int maxPages) {
        this(json, new XSettings(apiUrl, monthlyReadBudget, minInterval, maxPages), Clock.systemUTC());
    }

    XConnector(JsonMapper json, XSettings settings, Clock clock) {
        this.json = json;
        this.clock = clock;
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.api = new XApi(settings, http, json);
        this.inbound = new XInbound(json);
        this.poller = new XPoller(api, json, settings, clock);
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public String displayName() {
        return "X";
    }

    @Override
    public List<CredentialField> credentialFields() {
        return XCredentials.FIELDS;
    }

    @Override
    public ConnectedAccount connect(AccountSetup setup) {
        var credentials = setup.credentials();
        if (XCredentials.accountActivity(credentials)
                && credentials.find(XCredentials.CONSUMER_SECRET).isEmpty()) {
            throw new ConnectionFailed(
                    "The Account Activity API needs the app's API key secret to check X's webhooks.");
        }
        try {
            var answer = api.get("/2/users/me", Map.of(), credentials.get(XCredentials.ACCESS_TOKEN));
            if (!answer.ok()) {
                throw new ConnectionFailed("X refused the access token: " + api.reason(answer));
            }
            var me = json.readValue(answer.body(), Me.class).data();
            if (me == null || me.id() == null) {
                throw new ConnectionFailed("X did not say which account the access token belongs to.");
            }
            return new ConnectedAccount(me.id(), me.username() == null ? me.name() : "@" + me.username());
        } catch (SendFailed e) {
            throw new ConnectionFailed(e.getMessage());
        } catch (JacksonException e) {
            throw new ConnectionFailed("X answered GET /2/users/me with something Heard cannot read.");
        }
    }

    @Override
    public Optional<String> answerChallenge(WebhookRequest request) {
        var crcToken = request.query().get("crc_token");
        if (crcToken == null || crcToken.isBlank()) {
            return Optional.empty();
        }
        var answer =
                Map.of("response_token", signature(request.requireAccount()).responseToken(crcToken));
        return Optional.of(json.writeValueAsString(answer));
    }

    @Override
    public void verify(WebhookRequest request) {
        if (!signature(request.requireAccount()).matches(request.body(), request.header(XSignature.HEADER))) {
            throw new WebhookRejected("The " + XSignature.HEADER + " header is missing or does not match: X signs the"
                    + " exact body with HMAC-SHA256 of the app's API key secret.");
        }
    }

    private XSignature signature(ChannelAccount account) {
        var credentials = account.credentials();
        var secret = credentials.getOrNull(XCredentials.CONSUMER_SECRET);
        if (!XCredentials.accountActivity(credentials) || secret == null) {
            throw new WebhookRejected("Account Activity is not switched on for this X account in Heard.");
        }
        return new XSignature(secret);
    }

    @Override
    public List<InboundDelivery> read(WebhookRequest request) {
        return inbound.read(request.body(), request.requireAccount().externalId());
    }

    @Override
    public InboundMessage normalise(InboundDelivery delivery) {
        return inbound.normalise(delivery);
    }

    @Override
    public boolean polls() {
        return true;
    }

    @Override
    public Poll poll(ChannelAccount account, @Nullable String cursor) throws SendFailed {
        return poller.poll(account, cursor);
    }

    /**
     * Posts the reply. X has no idempotency key for posts: if Heard stops after X took a reply but before
     * recording its id, the next attempt posts again, and X usually refuses it as duplicate content.
     */
    @Override
    public String send(OutboundMessage message, @Nullable ChannelAccount account) throws SendFailed {
        if (account == null) {
            throw SendFailed.refused("An X reply needs the account it is sent from.");
        }
        var token = XCredentials.accessToken(account);
        XApi.Answer answer;
        if (message.visibility() == Visibility.PRIVATE) {
            var recipient = message.recipient() == null ? "" : message.recipient();
            if (!recipient.matches("\\d{1,20}")) {
                throw SendFailed.refused("X Direct Messages go to a numeric user id, not '" + recipient + "'.");
            }
            answer = api.post(
                    "/2/dm_conversations/with/" + recipient + "/messages", new NewMessage(message.text()), token);
        } else {
            var reply = message.inReplyTo() == null ? null : new Reply(message.inReplyTo());
            answer = api.post("/2/tweets", new NewPost(message.text(), reply), token);
        }
        if (!answer.ok()) {
            throw api.failure(answer, "sending the reply", clock.instant());
        }
        try {
            var created = json.readValue(answer.body(), Created.class).data();
            var id = created == null ? null : created.id() != null ? created.id() : created.dmEventId();
            if (id != null) {
                return id;
            }
        } catch (JacksonException e) {
            // below
        }
        throw SendFailed.later("X answered " + answer.status() + " without the new post's id.", null);
    }

    /** A public message without a reply target is a new post (tweet) from the account. */
    @Override
    public boolean publishesPosts() {
        return true;
    }

    @Override
    public ComposerRules rules() {
        return RULES;
    }

    @PreDestroy
    void close() {
        http.close();
    }
}
