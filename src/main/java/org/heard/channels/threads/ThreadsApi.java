package org.heard.channels.threads;

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
import org.heard.channels.RetryAfter;
import org.heard.channels.SendFailed;
import org.heard.channels.meta.GraphAnswerBody;
import org.heard.channels.meta.GraphError;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Heard's client for the Threads API at graph.threads.net. The token travels in the {@code Authorization: Bearer}
 * header, never in a URL, so nothing Heard builds, throws or logs holds it; a POST sends its parameters form-encoded,
 * as Meta's examples do. Errors have the Graph API's shape and are read with {@link GraphError}.
 *
 * @see <a href="https://developers.facebook.com/docs/threads/overview">Threads API overview and rate limits</a>
 */
final class ThreadsApi {

    static final String NETWORK = "Threads";

    /** When Threads limits Heard without saying for how long. */
    static final Duration DEFAULT_WAIT = Duration.ofMinutes(1);

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient http;
    private final JsonMapper json;
    private final String base;

    ThreadsApi(HttpClient http, JsonMapper json, String url, String version) {
        this.http = http;
        this.json = json;
        this.base = url.replaceAll("/+$", "") + "/" + version + "/";
    }

    /** What Threads answered to one call. */
    record Answer(
            int status, @Nullable JsonNode body, @Nullable GraphError error, HttpHeaders headers) {

        boolean ok() {
            return status / 100 == 2 && body != null && body.isObject() && error == null;
        }

        @Nullable
        String text(String field) {
            var value = body == null ? null : body.path(field);
            return value != null && value.isString() && !value.stringValue().isBlank() ? value.stringValue() : null;
        }
    }

    Answer get(String path, Map<String, String> query, String token) throws SendFailed {
        return call(request(path + query(query), token).GET().build());
    }

    Answer post(String path, Map<String, String> form, String token) throws SendFailed {
        return call(request(path, token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(query(form).replaceFirst("^\\?", "")))
                .build());
    }

    <T> T read(Answer answer, Class<T> type) throws SendFailed {
        try {
            return json.treeToValue(answer.body(), type);
        } catch (JacksonException e) {
            throw SendFailed.later(NETWORK + " answered in a shape Heard cannot read: " + e.getOriginalMessage(), null);
        }
    }

    /**
     * Why a call failed, as Heard's outbox and poller need it: throttling and Meta's temporary failures are tried
     * again no sooner than Threads asks; any other refusal carries Meta's own reason and is not retried.
     */
    SendFailed failure(String what, Answer answer) {
        var error = answer.error();
        if (error != null) {
            if (error.rateLimited() || answer.status() == 429) {
                return SendFailed.later(NETWORK + " is limiting Heard: " + error.reason(), wait(answer.headers()));
            }
            if (error.transientFailure() || answer.status() >= 500) {
                return SendFailed.later(NETWORK + " failed for now: " + error.reason(), wait(answer.headers()));
            }
            return SendFailed.refused(NETWORK + " refused " + what + ": " + reason(error));
        }
        if (answer.status() == 429 || answer.status() == 408 || answer.status() >= 500) {
            return SendFailed.later(NETWORK + " answered " + answer.status() + " to " + what, wait(answer.headers()));
        }
        if (answer.status() / 100 == 2) {
            return SendFailed.later(NETWORK + " answered " + what + " without what Heard asked for", null);
        }
        return SendFailed.refused(
                NETWORK + " answered " + answer.status() + " to " + what + " without a reason Heard can read");
    }

    /** Meta's words, with the message meant for people ({@code error_user_msg}) when Threads gives one. */
    static String reason(GraphError error) {
        var forPeople = error.userMessage();
        return forPeople == null || forPeople.isBlank()
                ? error.reason()
                : forPeople.strip() + " (" + error.reason() + ")";
    }

    /** {@code Retry-After} if Threads sends one; the Graph API's usage headers give no time, so else a minute. */
    static Duration wait(HttpHeaders headers) {
        var retryAfter = RetryAfter.parse(headers.firstValue("Retry-After").orElse(null), Instant.now());
        return retryAfter == null ? DEFAULT_WAIT : retryAfter;
    }

    /** A path segment from an id Threads gave; ids are digits, never a path of their own. */
    static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    private Answer call(HttpRequest request) throws SendFailed {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            // The exception may name the URL; the message Heard keeps says only what happened.
            throw SendFailed.later(
                    NETWORK + " cannot be reached: " + e.getClass().getSimpleName(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SendFailed.later("Interrupted while calling " + NETWORK, null);
        }
        var body = GraphAnswerBody.read(json, response.body());
        return new Answer(response.statusCode(), body.json(), body.error(), response.headers());
    }

    private HttpRequest.Builder request(String pathAndQuery, String token) {
        return HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
    }

    private static String query(Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return "";
        }
        return parameters.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&", "?", ""));
    }
}
