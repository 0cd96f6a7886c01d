package org.heard.channels.mastodon;

import jakarta.annotation.PreDestroy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.heard.channels.Poll;
import org.heard.channels.SendFailed;
import org.heard.channels.Visibility;
import org.heard.channels.WebhookRejected;
import org.heard.channels.WebhookRequest;
import org.heard.channels.mastodon.MastodonPayloads.Account;
import org.heard.channels.mastodon.MastodonPayloads.Status;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mastodon: Heard polls the account's mentions and answers them with statuses in the same thread
 * and of the same visibility. Mastodon pushes nothing to Heard, so every webhook is refused; {@link #read}
 * turns a page of notifications into deliveries. The account's notification stream only tells a poll
 * when to read ({@link MastodonStreams}).
 */
@Component
class MastodonConnector implements ChannelConnector {

    static final String CHANNEL = "mastodon";
    static final int PAGE = 40;
    /**
     * Mastodon's default. A server may allow more or less: {@link #rulesFor} knows each account's own
     * limit, which Heard's composer will use once rules can be asked per account. A private reply is a direct
     * status in reply to the customer's, so it stays in their thread.
     */
    private static final ComposerRules RULES =
            new ComposerRules(500, true, ComposerRules.Counting.GRAPHEMES).withPrivateThreading();

    private final MastodonApi api;
    private final MastodonPages pages;
    private final MastodonServers servers;
    private final HttpClient http;
    private final Clock clock;
    private final Duration pollEvery;
    private final @Nullable Duration streamCheckEvery;
    private final @Nullable MastodonStreams streams;

    @Autowired
    MastodonConnector(
            JsonMapper json,
            Clock clock,
            @Value("${heard.channels.mastodon.poll-every:20s}") Duration pollEvery,
            @Value("${heard.channels.mastodon.streaming:true}") boolean streaming,
            @Value("${heard.channels.mastodon.stream-check-every:2s}") Duration streamCheckEvery) {
        this(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
                json,
                clock,
                pollEvery,
                streaming ? streamCheckEvery : null);
    }

    /** Polling only, without the streaming API. */
    MastodonConnector(HttpClient http, JsonMapper json, Clock clock, Duration pollEvery) {
        this(http, json, clock, pollEvery, null);
    }

    /**
     * @param streamCheckEvery how often a poll looks whether the account's stream reported a
     *     notification (without calling the REST API if not), or null for polling only
     */
    MastodonConnector(
            HttpClient http, JsonMapper json, Clock clock, Duration pollEvery, @Nullable Duration streamCheckEvery) {
        this.http = http;
        this.clock = clock;
        this.pollEvery = pollEvery;
        this.streamCheckEvery = streamCheckEvery;
        this.streams = streamCheckEvery == null ? null : new MastodonStreams(http, clock, pollEvery);
        this.api = new MastodonApi(http, json, clock);
        this.pages = new MastodonPages(json);
        this.servers = new MastodonServers(api, clock);
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public String displayName() {
        return "Mastodon";
    }

    @Override
    public List<CredentialField> credentialFields() {
        return List.of(
                CredentialField.plain(
                        MastodonApi.INSTANCE_URL,
                        "Server address",
                        "The address of the Mastodon server the account is on, such as https://mastodon.social."),
                CredentialField.secret(
                        MastodonApi.ACCESS_TOKEN,
                        "Access token",
                        "Preferences → Development → New application, with the scopes read:accounts,"
                                + " read:notifications, read:statuses and write:statuses; then copy \"Your access token\"."));
    }

    @Override
    public ConnectedAccount connect(AccountSetup setup) {
        var credentials = setup.credentials();
        try {
            var me = api.read(
                    api.get(credentials, "/api/v1/accounts/verify_credentials"),
                    Account.class,
                    "the access token check");
            servers.read(credentials);
            return new ConnectedAccount(me.id(), "@" + me.acct());
        } catch (SendFailed e) {
            throw new ConnectionFailed(e.getMessage());
        }
    }

    @Override
    public void verify(WebhookRequest request) {
        throw new WebhookRejected("Mastodon does not call Heard: Heard polls the account's mentions itself.");
    }

    @Override
    public List<InboundDelivery> read(WebhookRequest request) {
        return pages.deliveries(request.requireAccount().externalId(), request.bodyText())
                .deliveries();
    }

    @Override
    public boolean polls() {
        return true;
    }

    /**
     * Fetches the mentions after {@code cursor} (a notification id; at first, the latest page) with
     * {@code min_id}, which pages forward from the cursor; the new cursor is the newest id seen.
     *
     * <p>With streaming on, the poll also keeps the account's notification stream open
     * ({@link MastodonStreams}) and asks to be called again every few seconds while the stream is live;
     * such a call reads the REST API only when the stream reported a notification or the poll interval
     * has passed, and otherwise answers at once with nothing new. Heard's poller calls a connector when
     * its {@code next} wait is over and cannot be woken early, so this is how a mention arrives in
     * seconds; when the stream is down, polling goes on at its interval.
     *
     * @throws MalformedWebhook if the server answers 200 with something other than notifications
     */
    @Override
    public Poll poll(ChannelAccount account, @Nullable String cursor) throws SendFailed {
        servers.refresh(account.credentials());
        var stream = streams == null ? null : streams.listen(account, streamingBase(account));
        var now = clock.instant();
        if (stream != null && stream.live(now) && !stream.takeArrived()) {
            var last = stream.lastFetch();
            if (last != null && last.plus(pollEvery).isAfter(now)) {
                return new Poll(List.of(), cursor, streamCheckEvery);
            }
        }
        if (stream != null) {
            stream.fetched(now);
        }
        var path = "/api/v1/notifications?types%5B%5D=mention&limit=" + PAGE
                + (cursor == null ? "" : "&min_id=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        var response = api.get(account.credentials(), path);
        if (response.statusCode() / 100 != 2) {
            throw api.failure(response, "the mentions poll");
        }
        var page = pages.deliveries(account.externalId(), response.body());
        var next = MastodonRateLimit.of(response).nextPoll(pollEvery, page.size() >= PAGE, now);
        if (stream != null && stream.live(clock.instant()) && next.compareTo(pollEvery) <= 0) {
            next = next.compareTo(streamCheckEvery) < 0 ? next : streamCheckEvery;
        }
        return new Poll(page.deliveries(), MastodonPages.newest(cursor, page.newestId()), next);
    }

    /** Whether a live notification stream is telling Heard when to read this account's mentions. */
    boolean listening(ChannelAccount account) {
        return streams != null && streams.live(account);
    }

    /** Where the account's server streams: the address its instance names, else the server itself. */
    private URI streamingBase(ChannelAccount account) {
        var named = servers.streaming(account.credentials());
        return named != null ? named : MastodonApi.server(account.credentials());
    }

    @Override
    public InboundMessage normalise(InboundDelivery delivery) {
        var status = pages.mention(delivery.payload());
        var author = status.account();
        var content = StatusText.of(status.content());
        var warning = status.spoilerText() == null ? "" : status.spoilerText().strip();
        return new InboundMessage(
                CHANNEL,
                delivery.account(),
                status.id(),
                new Author(author.id(), author.acct(), author.displayName(), author.avatar(), author.followersCount()),
                warning.isEmpty() ? content : warning + "\n\n" + content,
                status.direct() ? Visibility.PRIVATE : Visibility.PUBLIC,
                status.inReplyToId(),
                status.createdAt());
    }

    /**
     * Posts the reply with {@code in_reply_to_id}, in the visibility of the status answered ({@code direct}
     * stays direct), starting with the customer's {@code @acct} so they are notified; the outbox's key is
     * sent as {@code Idempotency-Key}, and Mastodon posts a repeated key only once (for an hour).
     */
    @Override
    public String send(OutboundMessage message, @Nullable ChannelAccount account) throws SendFailed {
        if (account == null) {
            throw SendFailed.refused("A Mastodon reply needs the account it is sent from.");
        }
        var credentials = account.credentials();
        String visibility;
        String acct = null;
        if (message.inReplyTo() != null) {
            var answered = api.read(
                    api.get(credentials, "/api/v1/statuses/" + pathSegment(message.inReplyTo())),
                    Status.class,
                    "the look-up of the status answered");
            visibility = message.visibility() == Visibility.PRIVATE ? "direct" : visibilityOf(answered);
            acct = answered.account().acct();
        } else if (message.visibility() == Visibility.PRIVATE) {
            var person = api.read(
                    api.get(credentials, "/api/v1/accounts/" + pathSegment(message.recipient())),
                    Account.class,
                    "the look-up of the person written to");
            visibility = "direct";
            acct = person.acct();
        } else {
            visibility = "public";
        }
        var form = new LinkedHashMap<String, String>();
        form.put("status", addressed(message.text(), acct));
        if (message.inReplyTo() != null) {
            form.put("in_reply_to_id", message.inReplyTo());
        }
        form.put("visibility", visibility);
        var response = api.post(credentials, "/api/v1/statuses", form, message.idempotencyKey());
        var posted = api.read(response, Status.class, "the reply");
        if (posted.id() == null || posted.id().isBlank()) {
            throw SendFailed.later("Mastodon took the reply but gave no id for it.", null);
        }
        return posted.id();
    }

    /** The reply's visibility: the customer's own, public if Mastodon did not say. */
    static String visibilityOf(Status answered) {
        var visibility = answered.visibility();
        return visibility == null || visibility.isBlank() ? "public" : visibility;
    }

    /** The text, starting with {@code @acct} unless the agent already wrote it. */
    static String addressed(String text, @Nullable String acct) {
        if (acct == null || acct.isBlank()) {
            return text;
        }
        var handle = "@" + acct;
        var words = new ArrayList<String>(List.of(text.toLowerCase(Locale.ROOT).split("[\\s,;:!?()]+")));
        if (words.contains(handle.toLowerCase(Locale.ROOT))) {
            return text;
        }
        return handle + " " + text;
    }

    private static String pathSegment(@Nullable String id) throws SendFailed {
        if (id == null || !id.matches("[A-Za-z0-9_-]{1,64}")) {
            throw SendFailed.refused("This is not a Mastodon id: " + id);
        }
        return id;
    }

    @PreDestroy
    void close() {
        if (streams != null) {
            streams.close();
        }
        http.close();
    }

    /** Sending again is harmless: Mastodon takes an Idempotency-Key. */
    @Override
    public boolean sendsOnce() {
        return true;
    }

    /** A public message without a reply target is a new public status from the account. */
    @Override
    public boolean publishesPosts() {
        return true;
    }

    @Override
    public ComposerRules rules() {
        return RULES;
    }

    /**
     * The rules for one account: its server's own {@code max_characters} once Heard has read it (at
     * connect, then once a day by a poll), Mastodon's default of 500 before.
     */
    @Override
    public ComposerRules rules(ChannelAccount account) {
        return rulesFor(account);
    }

    ComposerRules rulesFor(ChannelAccount account) {
        return servers.rules(account.credentials());
    }
}
