package org.heard.channels.bluesky;

import jakarta.annotation.PreDestroy;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
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
import org.heard.channels.OutboundMessage;
import org.heard.channels.Poll;
import org.heard.channels.SendFailed;
import org.heard.channels.Visibility;
import org.heard.channels.WebhookRejected;
import org.heard.channels.WebhookRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bluesky: Heard signs in with an app password, polls the account's mentions, replies and quotes, and
 * answers each in its thread. Bluesky pushes nothing to Heard, so every webhook is refused; {@link #read}
 * turns a page of notifications into deliveries. Direct messages come from Bluesky's chat service
 * ({@link BlueskyChat}), read in the same poll; a private reply is a direct message.
 */
@Component
class BlueskyConnector implements ChannelConnector {

    static final String CHANNEL = "bluesky";
    static final int PAGE = 50;
    /** Pages read back to the last poll's newest notification; older mentions wait for the next poll. */
    static final int MOST_PAGES = 5;

    /** A post's 300 graphemes; a direct message may have 1,000, but the rules are the channel's. */
    private static final ComposerRules RULES = new ComposerRules(300, true, ComposerRules.Counting.GRAPHEMES);

    private final HttpClient http;
    private final Clock clock;
    private final Duration pollEvery;
    private final BlueskySessions sessions;
    private final BlueskyPages pages;
    private final BlueskyReplies replies;
    private final BlueskyChat chat;
    private final JsonMapper json;

    @Autowired
    BlueskyConnector(
            JsonMapper json,
            Clock clock,
            @Value("${heard.channels.bluesky.service-url:https://bsky.social}") String serviceUrl,
            @Value("${heard.channels.bluesky.poll-every:30s}") Duration pollEvery) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), json, clock, serviceUrl, pollEvery);
    }

    BlueskyConnector(HttpClient http, JsonMapper json, Clock clock, String serviceUrl, Duration pollEvery) {
        this.http = http;
        this.clock = clock;
        this.pollEvery = pollEvery;
        var xrpc = new Xrpc(http, json, clock);
        this.sessions = new BlueskySessions(xrpc, serviceUrl);
        this.pages = new BlueskyPages(json);
        this.replies = new BlueskyReplies(xrpc, sessions, clock);
        this.chat = new BlueskyChat(xrpc, sessions, json, clock);
        this.json = json;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public String displayName() {
        return "Bluesky";
    }

    @Override
    public List<CredentialField> credentialFields() {
        return List.of(
                CredentialField.plain(
                        BlueskySessions.HANDLE, "Handle", "The account's handle, such as heardbrand.bsky.social."),
                CredentialField.secret(
                        BlueskySessions.APP_PASSWORD,
                        "App password",
                        "Settings → Privacy and security → App passwords → Add App Password, with \"Allow access to your"
                                + " direct messages\" ticked so Heard can read and answer DMs. Never the account's own password."),
                CredentialField.plain(
                        BlueskySessions.SERVICE_URL,
                        "Service address",
                        "Only for an account hosted outside Bluesky: its PDS address. Leave empty for https://bsky.social."));
    }

    @Override
    public ConnectedAccount connect(AccountSetup setup) {
        try {
            var session = sessions.session(setup.credentials());
            chat.check(setup.credentials());
            return new ConnectedAccount(session.did(), "@" + session.handle());
        } catch (SendFailed e) {
            throw new ConnectionFailed(e.getMessage());
        }
    }

    @Override
    public void verify(WebhookRequest request) {
        throw new WebhookRejected("Bluesky does not call Heard: Heard polls the account's notifications itself.");
    }

    @Override
    public List<InboundDelivery> read(WebhookRequest request) {
        return pages.read(request.requireAccount().externalId(), request.bodyText())
                .deliveries();
    }

    @Override
    public boolean polls() {
        return true;
    }

    /**
     * Reads notifications newest first, page by page, back to the cursor's {@code indexedAt} (at first,
     * one page), then the chat log after the cursor's rev. Notifications seen at exactly the cursor's
     * time come again and are recorded once, by their at:// URI. A chat service that is limiting Heard
     * or briefly down does not hold back the notifications: its part of the cursor stays, and the next
     * poll waits as long as it asked.
     */
    @Override
    public Poll poll(ChannelAccount account, @Nullable String cursor) throws SendFailed {
        var from = BlueskyCursor.parse(cursor, json);
        var deliveries = new ArrayList<InboundDelivery>();
        var notifications = notifications(account, from.since(), deliveries);
        var next = notifications.slowDown() != null && notifications.slowDown().compareTo(pollEvery) > 0
                ? notifications.slowDown()
                : pollEvery;
        var chatCursor = from.chat();
        try {
            var messages = chat.read(account, from.chat());
            deliveries.addAll(messages.deliveries());
            chatCursor = messages.cursor();
        } catch (SendFailed e) {
            if (!e.retryable()) {
                throw e;
            }
            var wait = e.retryAfter() == null ? pollEvery : e.retryAfter();
            next = wait.compareTo(next) > 0 ? wait : next;
        }
        var newest = notifications.newest() == null
                ? from.notifications()
                : notifications.newest().toString();
        return new Poll(deliveries, new BlueskyCursor(newest, chatCursor).write(json), next);
    }

    private record Notifications(
            @Nullable Instant newest, @Nullable Duration slowDown) {}

    private Notifications notifications(ChannelAccount account, @Nullable Instant since, List<InboundDelivery> into)
            throws SendFailed {
        var newest = since;
        String page = null;
        Duration wait = null;
        for (int read = 0; read < MOST_PAGES; read++) {
            var query = "app.bsky.notification.listNotifications?limit=" + PAGE
                    + "&reasons=mention&reasons=reply&reasons=quote"
                    + (page == null ? "" : "&cursor=" + URLEncoder.encode(page, StandardCharsets.UTF_8));
            var answer = sessions.call(
                    account.credentials(),
                    token -> replies.xrpc().query(sessions.service(account.credentials()), query, token));
            if (!answer.ok()) {
                throw replies.xrpc().failure(answer, "the notifications poll");
            }
            wait = replies.xrpc().waitWhenLow(answer, 10);
            var found = pages.read(account.externalId(), answer.body());
            var reachedSince = false;
            for (var entry : found.entries()) {
                if (since != null && entry.indexedAt().isBefore(since)) {
                    reachedSince = true;
                    continue;
                }
                newest = newest == null || entry.indexedAt().isAfter(newest) ? entry.indexedAt() : newest;
                if (entry.delivery() != null) {
                    into.add(entry.delivery());
                }
            }
            page = found.cursor();
            if (since == null || reachedSince || page == null || found.entries().isEmpty()) {
                break;
            }
        }
        return new Notifications(newest, wait);
    }

    @Override
    public InboundMessage normalise(InboundDelivery delivery) {
        if (pages.isDirectMessage(delivery.payload())) {
            return pages.directMessage(delivery);
        }
        var notification = BlueskyPages.post(pages.notification(delivery.payload()));
        var author = notification.author();
        var post = notification.record();
        var sentAt = post.createdAt() != null ? post.createdAt() : notification.indexedAt();
        return new InboundMessage(
                CHANNEL,
                delivery.account(),
                notification.uri(),
                new Author(author.did(), author.handle(), author.displayName(), author.avatar(), null),
                post.text(),
                Visibility.PUBLIC,
                post.reply() == null ? null : post.reply().parent().uri(),
                sentAt == null ? null : BlueskyPages.instant(sentAt, notification.uri()));
    }

    @Override
    public String send(OutboundMessage message, @Nullable ChannelAccount account) throws SendFailed {
        if (account == null) {
            throw SendFailed.refused("A Bluesky reply needs the account it is sent from.");
        }
        if (message.visibility() == Visibility.PRIVATE) {
            return chat.send(message, account, handle -> replies.did(account.credentials(), handle));
        }
        return replies.post(message, account);
    }

    @PreDestroy
    void close() {
        http.close();
    }

    /** Sending again is harmless: posts have a record key derived from the idempotency key; direct messages are checked against the latest one. */
    @Override
    public boolean sendsOnce() {
        return true;
    }

    /** A public message without a reply target is a new post, not a reply. */
    @Override
    public boolean publishesPosts() {
        return true;
    }

    @Override
    public ComposerRules rules() {
        return RULES;
    }
}
