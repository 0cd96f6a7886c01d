package org.heard;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.heard.channels.sandbox.SandboxSignature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Talks to a running Heard over real HTTP, as an API client or as a network delivering webhooks. */
public final class HeardClient {

    public static final String SANDBOX_SECRET = "sandbox-demo-secret";

    private final String base;
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private String token;

    public HeardClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public String base() {
        return base;
    }

    public HeardClient signIn(String email, String password) {
        var response = post("/api/auth/token", Map.of("email", email, "password", password));
        if (response.status() != 200) {
            throw new IllegalStateException("Could not sign in as " + email + ": " + response.body());
        }
        token = response.json().get("token").asString();
        return this;
    }

    public HeardClient asAdmin() {
        return signIn(TestUsers.ADMIN_EMAIL, TestUsers.ADMIN_PASSWORD);
    }

    /**
     * As an admin, adds a colleague with this name, role and password; returns the email they sign in with, made from
     * the name ("Ana Agent" signs in as ana.agent@heard.test). Fails the story, with Heard's answer, unless created.
     */
    public String addColleague(String name, String role, String password) {
        var email = name.toLowerCase(Locale.ROOT).replace(' ', '.') + "@heard.test";
        var created =
                post("/api/admin/users", Map.of("email", email, "name", name, "password", password, "role", role));
        if (created.status() != 201) {
            throw new AssertionError("Adding " + name + " was answered " + created);
        }
        return email;
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response post(String path, Object body) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))));
    }

    public Response put(String path, Object body) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))));
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    /**
     * Every conversation the inbox list shows for the given query string (such as {@code status=all}),
     * walking all its pages.
     */
    public List<JsonNode> allConversations(String filters) {
        var all = new ArrayList<JsonNode>();
        String cursor = null;
        do {
            var page = get("/api/conversations?limit=200&" + filters + (cursor == null ? "" : "&cursor=" + cursor))
                    .json();
            page.get("items").forEach(all::add);
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asString();
        } while (cursor != null);
        return all;
    }

    /**
     * A new customer (author {@code a-<postId>}) posts to the brand on the sandbox network; returns the
     * conversation it opened, once the inbox shows it.
     */
    public long conversationWithANewCustomer(String postId) {
        var author = "a-" + postId;
        var webhook = signedSandboxWebhook(SandboxPayloads.post(postId, author, "@heardbrand help " + postId));
        if (webhook.status() != 200) {
            throw new IllegalStateException("The sandbox webhook was refused: " + webhook);
        }
        return conversationOf("person" + author);
    }

    /** The conversation of the customer with this handle, once the inbox shows it (this client reads the inbox). */
    public long conversationOf(String customerHandle) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(
                        () -> allConversations("status=all").stream()
                                .filter(item -> customerHandle.equals(
                                        item.get("customerHandle").asString()))
                                .map(item -> item.get("id").asLong())
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    /** One message of a conversation, as the API shows it. */
    public JsonNode message(long conversation, long messageId) {
        for (var message : get("/api/conversations/" + conversation).json().get("messages")) {
            if (message.get("id").asLong() == messageId) {
                return message;
            }
        }
        throw new AssertionError("No message " + messageId + " in conversation " + conversation);
    }

    /** Delivers a webhook body to {@code /hooks/sandbox}, signed unless a signature is given. */
    public Response sandboxWebhook(String body, String signature) {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        var builder = HttpRequest.newBuilder(URI.create(base + "/hooks/sandbox"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (signature != null) {
            builder.header(SandboxSignature.HEADER, signature);
        }
        return send(builder);
    }

    public Response signedSandboxWebhook(String body) {
        return sandboxWebhook(body, new SandboxSignature(SANDBOX_SECRET).sign(body.getBytes(StandardCharsets.UTF_8)));
    }

    public HttpRequest.Builder request(String path) {
        var builder = HttpRequest.newBuilder(URI.create(base + path));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    public Response send(HttpRequest.Builder request) {
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(""),
                    response.body(),
                    json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, String contentType, String location, String body, JsonMapper mapper) {

        public JsonNode json() {
            return mapper.readTree(body);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
