package org.heard.channels.bluesky;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.heard.channels.RetryAfter;
import org.heard.channels.SendFailed;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Heard's XRPC calls (<a href="https://atproto.com/specs/xrpc">spec</a>): queries are GETs and procedures
 * POSTs of JSON to {@code <service>/xrpc/<nsid>}, a session's token in the {@code Authorization} header,
 * errors as {@code {"error", "message"}}, rate limits in {@code ratelimit-remaining} and
 * {@code ratelimit-reset} (epoch seconds). No token or password ever goes into a URL or a message.
 */
final class Xrpc {

    private final HttpClient http;
    private final JsonMapper json;
    private final Clock clock;

    Xrpc(HttpClient http, JsonMapper json, Clock clock) {
        this.http = http;
        this.json = json;
        this.clock = clock;
    }

    /** One answer: its status, body and headers. */
    record Answer(int status, String body, HttpResponse<String> response) {

        boolean ok() {
            return status / 100 == 2;
        }

        @Nullable
        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    Answer query(URI service, String nsidAndQuery, @Nullable String token) throws SendFailed {
        return query(service, nsidAndQuery, token, null);
    }

    /**
     * A query the PDS passes on to the service named by {@code proxy} (the {@code atproto-proxy} header,
     * such as {@code did:web:api.bsky.chat#bsky_chat}), or answers itself when it is null.
     */
    Answer query(URI service, String nsidAndQuery, @Nullable String token, @Nullable String proxy) throws SendFailed {
        return send(request(service, nsidAndQuery, token, proxy).GET().build());
    }

    Answer procedure(URI service, String nsid, @Nullable Object body, @Nullable String token) throws SendFailed {
        return procedure(service, nsid, body, token, null);
    }

    Answer procedure(URI service, String nsid, @Nullable Object body, @Nullable String token, @Nullable String proxy)
            throws SendFailed {
        var builder = request(service, nsid, token, proxy);
        if (body == null) {
            builder.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        }
        return send(builder.build());
    }

    <T> T read(Answer answer, Class<T> type, String doing) throws SendFailed {
        if (!answer.ok()) {
            throw failure(answer, doing);
        }
        try {
            var value = json.readValue(answer.body(), type);
            if (value == null) {
                throw SendFailed.later("Bluesky answered " + doing + " with an empty body.", null);
            }
            return value;
        } catch (JacksonException e) {
            throw SendFailed.later("Bluesky answered " + doing + " with something that is not its API's JSON.", null);
        }
    }

    /** 429 waits as asked, 408 and 5xx try again later, any other 4xx is refused with Bluesky's reason. */
    SendFailed failure(Answer answer, String doing) {
        var reason = "Bluesky answered " + doing + " with " + answer.status() + ": " + reason(answer);
        if (answer.status() == 429) {
            var now = clock.instant();
            var wait = RetryAfter.untilEpochSeconds(answer.header("ratelimit-reset"), now);
            return SendFailed.later(reason, wait != null ? wait : RetryAfter.parse(answer.header("Retry-After"), now));
        }
        if (answer.status() == 408 || answer.status() >= 500) {
            return SendFailed.later(reason, RetryAfter.parse(answer.header("Retry-After"), clock.instant()));
        }
        return SendFailed.refused(reason);
    }

    /** The XRPC error name, such as {@code ExpiredToken}, or null for a body of another shape. */
    @Nullable
    String error(Answer answer) {
        var error = parsedError(answer);
        return error == null ? null : error.error();
    }

    /** Until {@code ratelimit-reset} once fewer than {@code kept} calls are left; null while there are more. */
    @Nullable
    Duration waitWhenLow(Answer answer, int kept) {
        try {
            var remaining = answer.header("ratelimit-remaining");
            if (remaining == null || Integer.parseInt(remaining.strip()) > kept) {
                return null;
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return RetryAfter.untilEpochSeconds(answer.header("ratelimit-reset"), clock.instant());
    }

    private String reason(Answer answer) {
        var error = parsedError(answer);
        if (error != null && (error.error() != null || error.message() != null)) {
            if (error.message() == null || error.message().isBlank()) {
                return error.error();
            }
            return error.error() == null ? error.message() : error.error() + ": " + error.message();
        }
        var text = answer.body() == null ? "" : answer.body().strip();
        return text.isEmpty() ? "no reason given" : text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    private BlueskyPayloads.@Nullable Error parsedError(Answer answer) {
        try {
            return json.readValue(answer.body(), BlueskyPayloads.Error.class);
        } catch (JacksonException | IllegalArgumentException notJson) {
            return null;
        }
    }

    private static HttpRequest.Builder request(
            URI service, String path, @Nullable String token, @Nullable String proxy) {
        var builder = HttpRequest.newBuilder(URI.create(service + "/xrpc/" + path))
                .timeout(Duration.ofSeconds(15))
                .header("Accept", "application/json");
        if (proxy != null) {
            builder.header("atproto-proxy", proxy);
        }
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Answer send(HttpRequest request) throws SendFailed {
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw SendFailed.later(
                    "Bluesky at " + request.uri().getHost() + " cannot be reached ("
                            + e.getClass().getSimpleName() + ").",
                    null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SendFailed.later("Interrupted while calling Bluesky.", null);
        }
    }
}
