package org.heard.channels.testnet;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import org.heard.channels.Poll;
import org.heard.channels.RetryAfter;
import org.heard.channels.SendFailed;
import org.heard.channels.Visibility;
import org.heard.channels.WebhookRejected;
import org.heard.channels.WebhookRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A network that exists only in the tests, served by WireMock: accounts sign in with a token, webhooks
 * carry the account's verify token in a header, and it can be polled. It stands in for every real
 * network's connector so that Heard's own account handling is tested on its own.
 */
public final class TestNetworkConnector implements ChannelConnector {

    public static final String CHANNEL = "testnet";
    public static final String TOKEN_HEADER = "X-Testnet-Token";

    private final String api;
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    public TestNetworkConnector(String api) {
        this.api = api;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public String displayName() {
        return "Testnet";
    }

    @Override
    public List<CredentialField> credentialFields() {
        return List.of(
                CredentialField.secret("token", "Access token", "Settings → Developer → Access tokens"),
                CredentialField.plain("workspace", "Workspace", "The name in your Testnet address"));
    }

    @Override
    public ConnectedAccount connect(AccountSetup setup) {
        var response = call(HttpRequest.newBuilder(URI.create(api + "/me"))
                .header("Authorization", "Bearer " + setup.credentials().get("token"))
                .header("X-Webhook-Url", setup.webhookUrl())
                .GET());
        if (response.statusCode() != 200) {
            throw new ConnectionFailed("Testnet says: " + error(response.body()));
        }
        var me = json.readTree(response.body());
        return new ConnectedAccount(me.get("id").asString(), me.get("name").asString());
    }

    @Override
    public void verify(WebhookRequest request) {
        var token = request.requireAccount().verifyToken();
        if (token == null || !token.equals(request.header(TOKEN_HEADER))) {
            throw new WebhookRejected("The " + TOKEN_HEADER + " header is not this account's verify token.");
        }
    }

    @Override
    public List<InboundDelivery> read(WebhookRequest request) {
        try {
            var body = json.readTree(request.body());
            var deliveries = new ArrayList<InboundDelivery>();
            // The body names the account so that a delivery for another account can be told apart.
            var account = body.path("account").asString(request.requireAccount().externalId());
            body.get("events").forEach(event -> deliveries.add(delivery(account, event)));
            return deliveries;
        } catch (RuntimeException e) {
            throw new MalformedWebhook("Not a Testnet webhook");
        }
    }

    @Override
    public InboundMessage normalise(InboundDelivery delivery) {
        var event = json.readTree(delivery.payload());
        var author = event.get("author");
        return new InboundMessage(
                CHANNEL,
                delivery.account(),
                event.get("id").asString(),
                new Author(author.get("id").asString(), null, author.get("name").asString(), null, null),
                event.get("text").asString(),
                Visibility.PRIVATE,
                null,
                Instant.now());
    }

    @Override
    public boolean polls() {
        return true;
    }

    @Override
    public Poll poll(ChannelAccount account, @Nullable String cursor) throws SendFailed {
        var query = cursor == null ? "" : "?cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
        var response = call(HttpRequest.newBuilder(
                        URI.create(api + "/accounts/" + account.externalId() + "/updates" + query))
                .header("Authorization", "Bearer " + account.credentials().get("token"))
                .GET());
        if (response.statusCode() == 429) {
            throw SendFailed.later(
                    "Testnet is limiting Heard",
                    RetryAfter.parse(
                            response.headers().firstValue("Retry-After").orElse(null), Instant.now()));
        }
        if (response.statusCode() == 401) {
            throw SendFailed.refused("Testnet says: " + error(response.body()));
        }
        var body = json.readTree(response.body());
        var deliveries = new ArrayList<InboundDelivery>();
        body.get("events").forEach(event -> deliveries.add(delivery(account.externalId(), event)));
        var next = body.hasNonNull("cursor") ? body.get("cursor").asString() : cursor;
        return new Poll(deliveries, next, Duration.ofSeconds(body.path("next").asInt(60)));
    }

    @Override
    public String send(OutboundMessage message, @Nullable ChannelAccount account) throws SendFailed {
        if (account == null) {
            throw SendFailed.refused("Testnet replies need an account");
        }
        var response = call(HttpRequest.newBuilder(URI.create(api + "/accounts/" + account.externalId() + "/messages"))
                .header("Authorization", "Bearer " + account.credentials().get("token"))
                .header("Idempotency-Key", message.idempotencyKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
                        java.util.Map.of("to", String.valueOf(message.recipient()), "text", message.text())))));
        if (response.statusCode() == 401) {
            throw new ConnectionFailed("Testnet says: " + error(response.body()));
        }
        if (response.statusCode() >= 500) {
            throw SendFailed.later("Testnet answered " + response.statusCode(), null);
        }
        if (response.statusCode() >= 400) {
            throw SendFailed.refused("Testnet says: " + error(response.body()));
        }
        return json.readTree(response.body()).get("id").asString();
    }

    @Override
    public ComposerRules rules() {
        return new ComposerRules(1000, true);
    }

    private InboundDelivery delivery(String account, JsonNode event) {
        return new InboundDelivery(account, event.get("id").asString(), json.writeValueAsString(event));
    }

    private String error(String body) {
        try {
            return json.readTree(body).path("error").asString("no reason given");
        } catch (RuntimeException e) {
            return "no reason given";
        }
    }

    private HttpResponse<String> call(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ConnectionFailed("Testnet cannot be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionFailed("Interrupted while calling Testnet");
        }
    }
}
