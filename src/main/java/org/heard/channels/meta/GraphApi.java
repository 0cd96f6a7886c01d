package org.heard.channels.meta;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.heard.channels.ConnectionFailed;
import org.heard.channels.RetryAfter;
import org.heard.channels.SendFailed;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Heard's client for Meta's Graph API, shared by the WhatsApp, Facebook and Instagram connectors. The access token
 * travels in the {@code Authorization: Bearer} header, never in a query string, so no URL Heard builds or logs holds
 * a token; errors are turned into {@link SendFailed} the same way for every Meta network.
 *
 * @see <a href="https://developers.facebook.com/docs/graph-api/overview">Graph API overview</a>
 * @see <a href="https://developers.facebook.com/docs/graph-api/overview/rate-limiting">Graph API rate limits</a>
 */
@Component
class GraphApi {

    /** When Meta limits Heard without saying for how long. */
    static final Duration DEFAULT_WAIT = Duration.ofMinutes(1);

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final JsonMapper json;
    private final String base;
    private final HttpClient http;

    GraphApi(
            JsonMapper json,
            @Value("${heard.channels.meta.graph-api-url}") String url,
            @Value("${heard.channels.meta.api-version}") String version) {
        this.json = json;
        this.base = url.replaceAll("/+$", "") + "/" + version + "/";
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** What the Graph API answered to one call. */
    record Answer(
            int status, @Nullable JsonNode body, @Nullable GraphError error, HttpHeaders headers) {

        boolean ok() {
            return status / 100 == 2 && body != null && body.isObject() && error == null;
        }

        /** A string field of a successful answer, or null. */
        @Nullable
        String text(String field) {
            var value = body == null ? null : body.path(field);
            return value != null && value.isString() ? value.stringValue() : null;
        }
    }

    /** Reads an object to prove the token works; Meta's refusal becomes the admin's reason. */
    JsonNode read(String network, String path, Map<String, String> query, String token) {
        var request = request(path, query, token).GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ConnectionFailed(
                    network + " cannot be reached: " + e.getClass().getSimpleName() + ".", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionFailed("Interrupted while asking " + network + ".", e);
        }
        var answer = answer(response);
        if (answer.ok()) {
            return answer.body();
        }
        if (answer.error() != null) {
            throw new ConnectionFailed(
                    network + " refused the credentials: " + answer.error().reason());
        }
        throw new ConnectionFailed(network + " answered " + answer.status() + " without a Graph API object.");
    }

    /** Posts a JSON body; only a failure to talk to Meta at all throws here. */
    Answer post(String network, String path, Object body, String token) throws SendFailed {
        return call(
                network,
                request(path, Map.of(), token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))));
    }

    /** Reads with the query given; only a failure to talk to Meta at all throws here. */
    Answer get(String network, String path, Map<String, String> query, String token) throws SendFailed {
        return call(network, request(path, query, token).GET());
    }

    /** Deletes (an edge such as a like); only a failure to talk to Meta at all throws here. */
    Answer delete(String network, String path, String token) throws SendFailed {
        return call(network, request(path, Map.of(), token).DELETE());
    }

    private Answer call(String network, HttpRequest.Builder request) throws SendFailed {
        try {
            return answer(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            // The exception may name the URL; the message Heard keeps says only what happened.
            throw SendFailed.later(
                    network + " cannot be reached: " + e.getClass().getSimpleName(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SendFailed.later("Interrupted while sending to " + network, null);
        }
    }

    /**
     * Why a call failed, as Heard's outbox needs it: throttling and Meta's temporary failures are tried again no
     * sooner than Meta asks; anything else is refused with Meta's reason.
     *
     * @param outsideWindow what the agent should read when the customer's messaging window has closed
     */
    SendFailed failure(String network, Answer answer, String outsideWindow) {
        return failure(network, answer, outsideWindow, "the reply");
    }

    /** As {@link #failure(String, Answer, String)}, for a call that is not a reply: {@code what} names it. */
    SendFailed failure(String network, Answer answer, String outsideWindow, String what) {
        var error = answer.error();
        if (error != null) {
            if (error.rateLimited() || answer.status() == 429) {
                return SendFailed.later(network + " is limiting Heard: " + error.reason(), wait(answer.headers()));
            }
            if (error.outsideMessagingWindow()) {
                return SendFailed.refused(outsideWindow + " (" + network + ": " + error.reason() + ")");
            }
            if (error.transientFailure() || answer.status() >= 500) {
                return SendFailed.later(network + " failed for now: " + error.reason(), wait(answer.headers()));
            }
            return SendFailed.refused(network + " refused " + what + ": " + error.reason());
        }
        if (answer.status() == 429 || answer.status() == 408 || answer.status() >= 500) {
            return SendFailed.later(network + " answered " + answer.status(), wait(answer.headers()));
        }
        if (answer.status() / 100 == 2) {
            return SendFailed.later(network + " answered without what Heard asked for", null);
        }
        return SendFailed.refused(network + " answered " + answer.status() + " without a reason Heard can read");
    }

    /**
     * {@code Retry-After} if Meta sends one, else the longest {@code estimated_time_to_regain_access} (minutes) in
     * {@code X-Business-Use-Case-Usage}, else a minute.
     */
    Duration wait(HttpHeaders headers) {
        var now = Instant.now();
        var retryAfter = RetryAfter.parse(headers.firstValue("Retry-After").orElse(null), now);
        if (retryAfter != null) {
            return retryAfter;
        }
        var usage = headers.firstValue("X-Business-Use-Case-Usage").orElse(null);
        if (usage != null) {
            try {
                long minutes = 0;
                for (var limits : json.readTree(usage).values()) {
                    for (var limit : limits.values()) {
                        minutes = Math.max(
                                minutes,
                                limit.path("estimated_time_to_regain_access").asLong(0));
                    }
                }
                if (minutes > 0) {
                    return RetryAfter.parse(Long.toString(minutes * 60), now);
                }
            } catch (JacksonException unreadable) {
                // An unreadable usage header says nothing about the wait.
            }
        }
        return DEFAULT_WAIT;
    }

    private HttpRequest.Builder request(String path, Map<String, String> query, String token) {
        var uri = base
                + path
                + (query.isEmpty()
                        ? ""
                        : query.entrySet().stream()
                                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                                .collect(Collectors.joining("&", "?", "")));
        return HttpRequest.newBuilder(URI.create(uri))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
    }

    private Answer answer(HttpResponse<String> response) {
        var body = GraphAnswerBody.read(json, response.body());
        return new Answer(response.statusCode(), body.json(), body.error(), response.headers());
    }

    /** A path segment from an id Meta gave; ids are digits, underscores and letters, never a path of their own. */
    static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    @PreDestroy
    void close() {
        http.close();
    }
}
