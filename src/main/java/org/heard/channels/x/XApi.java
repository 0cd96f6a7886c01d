package org.heard.channels.x;

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
import org.heard.channels.x.XPayloads.Problem;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls X's API with an account's OAuth 2.0 user access token and turns X's failures into Heard's:
 * 429 waits until {@code x-rate-limit-reset}, 5xx and unreachable try again later, anything else is
 * refused with X's own {@code detail}. No message it writes holds the token or the request URL.
 */
final class XApi {

    record Answer(int status, HttpHeaders headers, String body) {

        boolean ok() {
            return status / 100 == 2;
        }

        @Nullable
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private final XSettings settings;
    private final HttpClient http;
    private final JsonMapper json;

    XApi(XSettings settings, HttpClient http, JsonMapper json) {
        this.settings = settings;
        this.http = http;
        this.json = json;
    }

    Answer get(String path, Map<String, String> query, String token) throws SendFailed {
        var parameters = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var uri = URI.create(settings.resolve(path) + (parameters.isEmpty() ? "" : "?" + parameters));
        return send(HttpRequest.newBuilder(uri).GET(), token);
    }

    Answer post(String path, Object body, String token) throws SendFailed {
        var request = HttpRequest.newBuilder(settings.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        return send(request, token);
    }

    private Answer send(HttpRequest.Builder request, String token) throws SendFailed {
        try {
            var response = http.send(
                    request.timeout(Duration.ofSeconds(20))
                            .header("Authorization", "Bearer " + token)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            // The exception may name the URL; Heard says what happened in its own words.
            throw SendFailed.later("X cannot be reached (" + e.getClass().getSimpleName() + ").", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SendFailed.later("Interrupted while talking to X.", null);
        }
    }

    /** What a failed answer means for Heard: wait and try again, or give the agent X's reason. */
    SendFailed failure(Answer answer, String doing, Instant now) {
        var reason = "X answered " + answer.status() + " when " + doing + ": " + reason(answer);
        if (answer.status() == 429) {
            return SendFailed.later(reason, RetryAfter.untilEpochSeconds(answer.header("x-rate-limit-reset"), now));
        }
        if (answer.status() == 408 || answer.status() >= 500) {
            return SendFailed.later(reason, RetryAfter.parse(answer.header("retry-after"), now));
        }
        return SendFailed.refused(reason);
    }

    /** X's human-readable reason: the problem's {@code detail}, then each {@code errors[].message}. */
    String reason(Answer answer) {
        try {
            var problem = json.readValue(answer.body(), Problem.class);
            var parts = new java.util.ArrayList<String>();
            if (problem.detail() != null) {
                parts.add(problem.detail());
            } else if (problem.title() != null) {
                parts.add(problem.title());
            }
            if (problem.errors() != null) {
                problem.errors().stream()
                        .map(e -> e.message() != null ? e.message() : e.detail())
                        .filter(m -> m != null && !parts.contains(m))
                        .forEach(parts::add);
            }
            if (!parts.isEmpty()) {
                return String.join(" ", parts);
            }
        } catch (JacksonException | IllegalArgumentException notAProblem) {
            // fall through to the raw text
        }
        var text = answer.body().strip();
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
