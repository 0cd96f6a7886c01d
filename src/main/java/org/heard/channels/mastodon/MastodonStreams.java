package org.heard.channels.mastodon;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import org.heard.channels.ChannelAccount;
import org.jspecify.annotations.Nullable;

/**
 * Listens to each polled account's notifications through Mastodon's streaming API
 * (<a href="https://docs.joinmastodon.org/methods/streaming/#notification">{@code GET
 * /api/v1/streaming/user/notification}</a>, Server-Sent Events: {@code event: notification} then
 * {@code data: <Notification>}), only to learn that something arrived. The stream never delivers a
 * mention to Heard: the next poll reads it with the REST API, so a stream that drops or lags loses
 * nothing, and the poll's cursor stays the one truth.
 *
 * <p>A stream is opened lazily by a poll and read by the HTTP client's own callbacks: Heard starts no
 * thread for it. A stream is live while the server has said anything (a heartbeat comment, an event)
 * in the last minute; a stream that closed or went quiet is opened again by a later poll, at most once
 * per poll interval.
 */
final class MastodonStreams implements AutoCloseable {

    static final Duration QUIET = Duration.ofMinutes(1);
    static final String PATH = "/api/v1/streaming/user/notification";

    private final HttpClient http;
    private final Clock clock;
    private final Duration reopenAfter;
    private final Map<String, Listener> listeners = new ConcurrentHashMap<>();

    MastodonStreams(HttpClient http, Clock clock, Duration reopenAfter) {
        this.http = http;
        this.clock = clock;
        this.reopenAfter = reopenAfter;
    }

    /** The account's stream, opened now if it has none or its last one ended long enough ago. */
    Listener listen(ChannelAccount account, URI streamingBase) {
        var key = key(account);
        var listener = listeners.compute(key, (k, known) -> {
            var now = clock.instant();
            if (known != null
                    && (known.live(now) || known.openedAt.plus(reopenAfter).isAfter(now))) {
                return known;
            }
            if (known != null) {
                known.cancel();
            }
            return open(account, streamingBase, known == null ? null : known.lastFetch);
        });
        return listener;
    }

    /** Whether the account's stream is open and heard from lately. */
    boolean live(ChannelAccount account) {
        var listener = listeners.get(key(account));
        return listener != null && listener.live(clock.instant());
    }

    private Listener open(ChannelAccount account, URI streamingBase, @Nullable Instant lastFetch) {
        var listener = new Listener(clock, clock.instant(), lastFetch);
        var request = HttpRequest.newBuilder(URI.create(streamingBase + PATH))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + account.credentials().get(MastodonApi.ACCESS_TOKEN))
                .GET()
                .build();
        http.sendAsync(request, info -> {
                    if (info.statusCode() != 200) {
                        listener.ended();
                        return HttpResponse.BodySubscribers.discarding();
                    }
                    return HttpResponse.BodySubscribers.fromLineSubscriber(listener);
                })
                .whenComplete((response, failure) -> listener.ended());
        return listener;
    }

    @Override
    public void close() {
        listeners.values().forEach(Listener::cancel);
        listeners.clear();
    }

    /** One account's stream: whether it is open and whether a notification arrived since the last poll. */
    static final class Listener implements Flow.Subscriber<String> {

        private final Clock clock;
        private final Instant openedAt;
        private final AtomicBoolean arrived = new AtomicBoolean();
        private volatile boolean open;
        private volatile boolean notificationEvent;
        private volatile @Nullable Instant lastHeard;
        private volatile @Nullable Instant lastFetch;
        private volatile Flow.@Nullable Subscription subscription;

        Listener(Clock clock, Instant openedAt, @Nullable Instant lastFetch) {
            this.clock = clock;
            this.openedAt = openedAt;
            this.lastFetch = lastFetch;
        }

        /** Open, and the server said something within the last minute (it sends heartbeats). */
        boolean live(Instant now) {
            var heard = lastHeard;
            return open && heard != null && heard.plus(QUIET).isAfter(now);
        }

        /** Whether a notification arrived since the last call; the flag is cleared before the poll reads. */
        boolean takeArrived() {
            return arrived.getAndSet(false);
        }

        @Nullable
        Instant lastFetch() {
            return lastFetch;
        }

        void fetched(Instant at) {
            lastFetch = at;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            open = true;
            lastHeard = clock.instant();
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            lastHeard = clock.instant();
            if (line.isEmpty()) {
                notificationEvent = false;
            } else if (line.startsWith("event:")) {
                notificationEvent = line.substring(6).strip().equals("notification");
            } else if (line.startsWith("data:") && notificationEvent) {
                arrived.set(true);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            ended();
        }

        @Override
        public void onComplete() {
            ended();
        }

        void ended() {
            open = false;
        }

        void cancel() {
            ended();
            var current = subscription;
            if (current != null) {
                current.cancel();
            }
        }
    }

    /** One stream per account and token: a new token (a reconnected account) opens a new stream. */
    private static String key(ChannelAccount account) {
        try {
            var digest = MessageDigest.getInstance("SHA-256")
                    .digest(account.credentials().get(MastodonApi.ACCESS_TOKEN).getBytes(StandardCharsets.UTF_8));
            return account.id() + "\n" + MastodonApi.server(account.credentials()) + "\n"
                    + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
