package org.heard.channels.telegram;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Pattern;
import org.heard.channels.telegram.TelegramPayloads.Answer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls Bot API methods: {@code POST <api-url>/bot<token>/<method>} with a JSON body
 * (https://core.telegram.org/bots/api#making-requests). The token is part of the URL, so nothing this
 * class throws or returns carries the URL or a message written by the HTTP stack.
 */
@Component
class TelegramApi {

    /** What @BotFather hands out: the bot's id, a colon, then a secret of URL-safe characters. */
    private static final Pattern TOKEN = Pattern.compile("\\d{1,20}:[A-Za-z0-9_-]{1,200}");

    private final JsonMapper json;
    private final String apiUrl;
    private final HttpClient http;

    TelegramApi(JsonMapper json, @Value("${heard.channels.telegram.api-url:https://api.telegram.org}") String apiUrl) {
        this.json = json;
        this.apiUrl = apiUrl.replaceAll("/+$", "");
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    static boolean looksLikeAToken(String token) {
        return TOKEN.matcher(token).matches();
    }

    /**
     * Calls {@code method} and reads Telegram's answer.
     *
     * @throws Unreachable when no answer came back, with a reason that names no URL
     */
    <T> Call<T> call(String token, String method, Object body, Class<T> result) throws Unreachable {
        if (!looksLikeAToken(token)) {
            throw new IllegalArgumentException("Not a bot token");
        }
        var request = HttpRequest.newBuilder(URI.create(apiUrl + "/bot" + token + "/" + method))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            // The JDK's messages are short, but a future one could quote the URL: only the kind is kept.
            throw new Unreachable(
                    "Telegram could not be reached (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("Interrupted while calling Telegram");
        }
        return new Call<>(
                response.statusCode(),
                answer(response.body(), result),
                response.headers().firstValue("Retry-After").orElse(null));
    }

    private <T> @Nullable Answer<T> answer(String body, Class<T> result) {
        try {
            return json.readValue(body, json.getTypeFactory().constructParametricType(Answer.class, result));
        } catch (JacksonException notJson) {
            return null;
        }
    }

    @PreDestroy
    void close() {
        http.close();
    }

    /**
     * One method call as Telegram answered it.
     *
     * @param answer the JSON answer, or null if the body was not one (a proxy's error page)
     * @param retryAfter the {@code Retry-After} header, if a proxy in front of Telegram sent one
     */
    record Call<T>(
            int status,
            @Nullable Answer<T> answer,
            @Nullable String retryAfter) {

        @Nullable
        T result() {
            return status / 100 == 2 && answer != null && Boolean.TRUE.equals(answer.ok()) ? answer.result() : null;
        }

        /** Telegram's own words for a failure, such as "Forbidden: bot was blocked by the user". */
        String reason() {
            if (answer != null
                    && answer.description() != null
                    && !answer.description().isBlank()) {
                return abbreviate(answer.description());
            }
            return "HTTP " + status;
        }

        private static String abbreviate(String text) {
            return text.length() > 300 ? text.substring(0, 300) + "…" : text;
        }
    }

    /** No answer from Telegram: a refused connection, a timeout, a reset. */
    static final class Unreachable extends Exception {
        Unreachable(String message) {
            super(message);
        }
    }
}
