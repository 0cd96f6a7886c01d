package org.heard.channels.mastodon;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.heard.channels.ComposerRules;
import org.heard.channels.Credentials;
import org.heard.channels.SendFailed;
import org.heard.channels.mastodon.MastodonPayloads.Instance;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Heard knows about each Mastodon server its accounts are on, read from
 * <a href="https://docs.joinmastodon.org/methods/instance/#v2">{@code GET /api/v2/instance}</a>: the
 * longest status it takes ({@code configuration.statuses.max_characters}, 500 unless its admin changed
 * it) and where its streaming API answers ({@code configuration.urls.streaming}). Kept in memory by
 * server address, read when an account connects and again by a poll once a day (or after a restart);
 * these are facts about the server, not secrets, so they are never stored with the credentials.
 */
final class MastodonServers {

    static final int DEFAULT_LENGTH = 500;
    static final Duration FRESH_FOR = Duration.ofDays(1);
    static final Duration RETRY_AFTER_FAILURE = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(MastodonServers.class);

    record Server(int maxCharacters, @Nullable URI streaming, Instant readAt) {}

    private final MastodonApi api;
    private final Clock clock;
    private final Map<URI, Server> servers = new ConcurrentHashMap<>();

    MastodonServers(MastodonApi api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    /** Reads the server's facts; a server that does not answer keeps what Heard knew (or the defaults). */
    void read(Credentials credentials) {
        var server = MastodonApi.server(credentials);
        try {
            var instance = api.read(api.get(credentials, "/api/v2/instance"), Instance.class, "the server check");
            var longest = instance.maxCharacters();
            servers.put(
                    server,
                    new Server(
                            longest == null || longest < 1 ? DEFAULT_LENGTH : longest,
                            streaming(instance.streaming()),
                            clock.instant()));
        } catch (SendFailed | RuntimeException e) {
            log.debug("Could not read the Mastodon server {}: {}", server.getHost(), e.getMessage());
            // Try again in an hour, not on every poll; until then what Heard knew (or the default) holds.
            var retryAt = clock.instant().minus(FRESH_FOR).plus(RETRY_AFTER_FAILURE);
            servers.merge(
                    server,
                    new Server(DEFAULT_LENGTH, null, retryAt),
                    (known, none) -> new Server(known.maxCharacters(), known.streaming(), retryAt));
        }
    }

    /** Reads the server's facts again when Heard has none or they are a day old. */
    void refresh(Credentials credentials) {
        var known = servers.get(MastodonApi.server(credentials));
        if (known == null || known.readAt().plus(FRESH_FOR).isBefore(clock.instant())) {
            read(credentials);
        }
    }

    /** The composer's rules for an account on this server: its own limit once Heard has read it. */
    ComposerRules rules(Credentials credentials) {
        var known = servers.get(MastodonApi.server(credentials));
        return new ComposerRules(
                        known == null ? DEFAULT_LENGTH : known.maxCharacters(), true, ComposerRules.Counting.GRAPHEMES)
                .withPrivateThreading();
    }

    /** The streaming API's https address, or null when the server did not name one. */
    @Nullable
    URI streaming(Credentials credentials) {
        var known = servers.get(MastodonApi.server(credentials));
        return known == null ? null : known.streaming();
    }

    /** {@code wss://host} as the https address that serves the same API as Server-Sent Events. */
    private static @Nullable URI streaming(@Nullable String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        try {
            var uri = URI.create(address.strip().replaceAll("/+$", ""));
            var scheme = uri.getScheme() == null ? "" : uri.getScheme();
            var http = switch (scheme) {
                case "wss", "https" -> "https";
                case "ws", "http" -> "http";
                default -> null;
            };
            return http == null || uri.getHost() == null
                    ? null
                    : URI.create(
                            http + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
