package org.heard.selfservice.internal;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The company's customer system over HTTP, with a bearer token:
 *
 * <ul>
 *   <li>{@code POST {url}/verify} {@code {"account": "…", "secret": "…"}} answers {@code {"customerRef": "…"}}, or
 *       401, 403 or 404 when the details open no account;
 *   <li>{@code GET {url}/customers/{customerRef}/{command}} answers a JSON object of values, such as
 *       {@code {"balance": "£12.40"}}.
 * </ul>
 *
 * A slow answer, another status or another shape is a {@link LookupFailed}; its message names no secret.
 */
class HttpAccountSystem implements AccountSystem {

    /** The longest value shown in a post; a system that sends more is cut, not trusted. */
    static final int MAX_VALUE = 60;

    private final RestClient http;
    private final JsonMapper json;
    private final String url;

    HttpAccountSystem(String url, String token, Duration timeout, JsonMapper json) {
        this.url = url.replaceAll("/+$", "");
        this.json = json;
        // HTTP/1.1: the JDK's default attempt to upgrade a plain http:// connection to HTTP/2 stalls on some servers.
        var client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
        var requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(timeout);
        var builder = RestClient.builder().baseUrl(this.url).requestFactory(requests);
        if (!token.isBlank()) {
            builder.defaultHeader("Authorization", "Bearer " + token.strip());
        }
        this.http = builder.build();
    }

    @Override
    public Optional<String> verify(String account, String secret) {
        try {
            var body = http.post()
                    .uri("/verify")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(json.writeValueAsString(Map.of("account", account, "secret", secret)))
                    .retrieve()
                    .body(String.class);
            var ref = read(body).path("customerRef");
            if (!ref.isString() || ref.asString().isBlank()) {
                throw new LookupFailed("The account system's answer to /verify has no customerRef.");
            }
            return Optional.of(ref.asString());
        } catch (RestClientResponseException e) {
            var status = HttpStatus.resolve(e.getStatusCode().value());
            if (status == HttpStatus.UNAUTHORIZED || status == HttpStatus.FORBIDDEN || status == HttpStatus.NOT_FOUND) {
                return Optional.empty();
            }
            throw new LookupFailed(
                    "The account system answered /verify with "
                            + e.getStatusCode().value() + ".",
                    e);
        } catch (RestClientException e) {
            throw unreachable(e);
        }
    }

    @Override
    public Map<String, String> values(String customerRef, String command) {
        try {
            var body = http.get()
                    .uri("/customers/{ref}/{command}", customerRef, command)
                    .accept(MediaType.APPLICATION_JSON)
                    .retrieve()
                    .body(String.class);
            var node = read(body);
            if (!node.isObject()) {
                throw new LookupFailed("The account system's values for #" + command + " are not a JSON object.");
            }
            var values = new LinkedHashMap<String, String>();
            node.properties().forEach(field -> values.put(field.getKey(), shown(field.getValue())));
            return values;
        } catch (RestClientResponseException e) {
            throw new LookupFailed(
                    "The account system answered #" + command + " with "
                            + e.getStatusCode().value() + ".",
                    e);
        } catch (RestClientException e) {
            throw unreachable(e);
        }
    }

    @Override
    public String description() {
        return "the company's system at " + url;
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body == null ? "" : body);
        } catch (JacksonException e) {
            throw new LookupFailed("The account system's answer is not JSON.", e);
        }
    }

    private static String shown(JsonNode value) {
        var text = value.isValueNode() ? value.asString() : value.toString();
        var flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= MAX_VALUE ? flat : flat.substring(0, MAX_VALUE - 1) + "…";
    }

    private static LookupFailed unreachable(RestClientException e) {
        var cause = e.getMostSpecificCause();
        return new LookupFailed(
                "The account system did not answer in time (" + cause.getClass().getSimpleName() + ").", e);
    }
}
