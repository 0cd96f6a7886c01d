package org.heard.channels.mastodon;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.heard.channels.ConnectionFailed;
import org.heard.channels.Credentials;
import org.heard.channels.RetryAfter;
import org.heard.channels.SendFailed;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Heard's calls to one Mastodon server's REST API (<a href="https://docs.joinmastodon.org/client/intro/">
 * docs</a>): a bearer token in the {@code Authorization} header, JSON answers, errors as
 * {@code {"error": "…"}}. The token never goes into a URL or a message.
 */
final class MastodonApi {

    static final String INSTANCE_URL = "instanceUrl";
    static final String ACCESS_TOKEN = "accessToken";

    private final HttpClient http;
    private final JsonMapper json;
    private final Clock clock;

    MastodonApi(HttpClient http, JsonMapper json, Clock clock) {
        this.http = http;
        this.json = json;
        this.clock = clock;
    }

    /** The server's address from the account's credentials: an http(s) URL without a trailing slash. */
    static URI server(Credentials credentials) {
        var address = credentials.get(INSTANCE_URL).replaceAll("/+$", "");
        if (!address.contains("://")) {
            address = "https://" + address;
        }
        try {
            var uri = URI.create(address);
            var scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                throw new IllegalArgumentException(scheme);
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ConnectionFailed("The Mastodon server address must look like https://mastodon.social.");
        }
    }

    HttpResponse<String> get(Credentials credentials, String path) throws SendFailed {
        return send(request(credentials, path).GET().build());
    }

    HttpResponse<String> post(Credentials credentials, String path, Map<String, String> form, String idempotencyKey)
            throws SendFailed {
        var body = form.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(credentials, path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** A 2xx answer as {@code type}; an answer of another shape is a server briefly broken. */
    <T> T read(HttpResponse<String> response, Class<T> type, String doing) throws SendFailed {
        if (response.statusCode() / 100 != 2) {
            throw failure(response, doing);
        }
        try {
            var value = json.readValue(response.body(), type);
            if (value == null) {
                throw SendFailed.later("Mastodon answered " + doing + " with an empty body.", null);
            }
            return value;
        } catch (JacksonException e) {
            throw SendFailed.later("Mastodon answered " + doing + " with something that is not its API's JSON.", null);
        }
    }

    /**
     * What a failed answer means: 429 waits until the rate limit resets, 408 and 5xx try again later,
     * any other 4xx is refused with Mastodon's own reason.
     */
    SendFailed failure(HttpResponse<String> response, String doing) {
        int status = response.statusCode();
        var reason = "Mastodon answered " + doing + " with " + status + ": " + reason(response);
        if (status == 429) {
            return SendFailed.later(reason, waitAsked(response));
        }
        if (status == 408 || status >= 500) {
            return SendFailed.later(reason, RetryAfter.parse(header(response, "Retry-After"), clock.instant()));
        }
        return SendFailed.refused(reason);
    }

    /** How long Mastodon asks Heard to wait: until {@code X-RateLimit-Reset}, or its {@code Retry-After}. */
    @Nullable
    Duration waitAsked(HttpResponse<?> response) {
        var untilReset = MastodonRateLimit.of(response).untilReset(clock.instant());
        return untilReset != null ? untilReset : RetryAfter.parse(header(response, "Retry-After"), clock.instant());
    }

    /** The {@code error} of Mastodon's error body, or the start of whatever else it sent. */
    String reason(HttpResponse<String> response) {
        var body = response.body() == null ? "" : response.body();
        try {
            var error = json.readValue(body, MastodonPayloads.Error.class);
            if (error != null && error.error() != null && !error.error().isBlank()) {
                return error.errorDescription() == null
                        ? error.error()
                        : error.error() + " (" + error.errorDescription() + ")";
            }
        } catch (JacksonException notJson) {
            // A proxy's page rather than Mastodon's JSON: show its start.
        }
        var text = body.strip();
        return text.isEmpty() ? "no reason given" : text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    private HttpRequest.Builder request(Credentials credentials, String path) {
        return HttpRequest.newBuilder(URI.create(server(credentials) + path))
                .timeout(Duration.ofSeconds(15))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + credentials.get(ACCESS_TOKEN));
    }

    private HttpResponse<String> send(HttpRequest request) throws SendFailed {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The exception may name the request; Heard writes its own message and keeps no cause.
            throw SendFailed.later(
                    "The Mastodon server at " + request.uri().getHost() + " cannot be reached ("
                            + e.getClass().getSimpleName() + ").",
                    null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SendFailed.later("Interrupted while calling Mastodon.", null);
        }
    }

    static @Nullable String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
