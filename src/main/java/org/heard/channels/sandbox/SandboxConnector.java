package org.heard.channels.sandbox;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.heard.channels.Author;
import org.heard.channels.ChannelAccount;
import org.heard.channels.ChannelConnector;
import org.heard.channels.ComposerRules;
import org.heard.channels.InboundDelivery;
import org.heard.channels.InboundMessage;
import org.heard.channels.MalformedWebhook;
import org.heard.channels.OutboundMessage;
import org.heard.channels.RetryAfter;
import org.heard.channels.SendFailed;
import org.heard.channels.Visibility;
import org.heard.channels.WebhookRejected;
import org.heard.channels.WebhookRequest;
import org.heard.channels.sandbox.SandboxPayloads.BrandPost;
import org.heard.channels.sandbox.SandboxPayloads.Created;
import org.heard.channels.sandbox.SandboxPayloads.Event;
import org.heard.channels.sandbox.SandboxPayloads.Webhook;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Heard's side of the sandbox network: the same path every real connector takes. */
@SandboxEnabled
@Component
class SandboxConnector implements ChannelConnector {

    static final String CHANNEL = "sandbox";
    private static final String DEMO_SECRET = "sandbox-demo-secret";
    private static final Logger log = LoggerFactory.getLogger(SandboxConnector.class);
    private static final ComposerRules RULES = new ComposerRules(500, true);
    /** Public posts and private messages; the network may add other types, which Heard leaves alone. */
    private static final java.util.Set<String> KNOWN_TYPES = java.util.Set.of("post", "message");

    private final JsonMapper json;
    private final SandboxSignature signature;
    private final String secret;
    private final SandboxAddress address;
    private final HttpClient http;

    SandboxConnector(JsonMapper json, SandboxAddress address, @Value("${heard.sandbox.secret}") String secret) {
        this.json = json;
        this.address = address;
        this.secret = secret;
        this.signature = new SandboxSignature(secret);
        if (DEMO_SECRET.equals(secret)) {
            log.warn(
                    "The sandbox network runs with its public demo secret: anyone who reads Heard's docs can post"
                            + " to it. Set HEARD_SANDBOX_SECRET, or HEARD_SANDBOX_ENABLED=false where only real networks are used.");
        }
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public String displayName() {
        return "Sandbox";
    }

    @Override
    public void verify(WebhookRequest request) {
        if (!signature.matches(request.body(), request.header(SandboxSignature.HEADER))) {
            throw new WebhookRejected(
                    "The " + SandboxSignature.HEADER
                            + " header is missing or does not match: sign the exact body with HMAC-SHA256 of the shared secret.");
        }
    }

    @Override
    public List<InboundDelivery> read(WebhookRequest request) {
        Webhook webhook;
        try {
            webhook = json.readValue(request.body(), Webhook.class);
        } catch (JacksonException e) {
            throw new MalformedWebhook("The body is not a sandbox webhook: " + e.getOriginalMessage(), e);
        }
        if (webhook == null
                || blank(webhook.account())
                || webhook.events() == null
                || webhook.events().isEmpty()) {
            throw new MalformedWebhook("A sandbox webhook needs an account and at least one event.");
        }
        var deliveries = new ArrayList<InboundDelivery>();
        for (var event : webhook.events()) {
            if (event != null && event.type() != null && !KNOWN_TYPES.contains(event.type())) {
                log.debug("Ignored sandbox event {} of type {}", event.id(), event.type());
                continue;
            }
            check(event);
            try {
                deliveries.add(new InboundDelivery(webhook.account(), event.id(), json.writeValueAsString(event)));
                normalise(deliveries.getLast());
            } catch (IllegalArgumentException e) {
                throw new MalformedWebhook("Event " + event.id() + ": " + e.getMessage() + ".", e);
            }
        }
        return deliveries;
    }

    @Override
    public InboundMessage normalise(InboundDelivery delivery) {
        var event = json.readValue(delivery.payload(), Event.class);
        check(event);
        var post = event.post();
        var author = post.author();
        return new InboundMessage(
                CHANNEL,
                delivery.account(),
                post.id(),
                new Author(author.id(), author.handle(), author.name(), author.avatarUrl(), author.followers()),
                post.text(),
                post.privately() ? Visibility.PRIVATE : Visibility.PUBLIC,
                post.inReplyTo(),
                post.createdAt());
    }

    private static void check(Event event) {
        if (event == null || blank(event.id()) || event.post() == null) {
            throw new MalformedWebhook("Each sandbox event needs an id and a post.");
        }
        var post = event.post();
        if (blank(post.id())
                || post.text() == null
                || post.author() == null
                || blank(post.author().id())) {
            throw new MalformedWebhook("Event " + event.id() + ": a post needs an id, text and an author with an id.");
        }
    }

    @Override
    public String send(OutboundMessage message, @Nullable ChannelAccount account) throws SendFailed {
        var body = json.writeValueAsBytes(new BrandPost(
                message.text(), message.inReplyTo(), message.visibility() == Visibility.PRIVATE, message.recipient()));
        var request = HttpRequest.newBuilder(address.brandPosts())
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .header(SandboxApi.TOKEN_HEADER, secret)
                .header("Idempotency-Key", message.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SendFailed("The sandbox network cannot be reached: " + e, true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendFailed("Interrupted while sending", true, e);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            try {
                return json.readValue(response.body(), Created.class).id();
            } catch (JacksonException e) {
                throw new SendFailed("The sandbox network answered without a post id", true, e);
            }
        }
        var reason = "The sandbox network answered " + status + ": " + abbreviate(response.body());
        if (status == 429 || status == 408 || status >= 500) {
            throw SendFailed.later(
                    reason,
                    RetryAfter.parse(
                            response.headers().firstValue("Retry-After").orElse(null), Instant.now()));
        }
        throw SendFailed.refused(reason);
    }

    @PreDestroy
    void close() {
        http.close();
    }

    /** Sending again is harmless: the sandbox network takes an Idempotency-Key. */
    @Override
    public boolean sendsOnce() {
        return true;
    }

    /** A brand post without a reply target is a new post on the timeline. */
    @Override
    public boolean publishesPosts() {
        return true;
    }

    @Override
    public ComposerRules rules() {
        return RULES;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
