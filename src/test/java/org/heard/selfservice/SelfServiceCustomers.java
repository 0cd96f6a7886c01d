package org.heard.selfservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.heard.HeardClient;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Customers on the sandbox network, as self-service tests need them: they post through the network's API (so a
 * signed webhook carries each post to Heard and the bot's answers come back to the network), and open one-time
 * links as a browser without a Heard account would.
 */
final class SelfServiceCustomers {

    private static final Pattern LINK = Pattern.compile("http://localhost:\\d+(/p/link/[A-Za-z0-9_-]+)");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HeardClient admin;

    SelfServiceCustomers(HeardClient admin) {
        this.admin = admin;
    }

    /** Posts in public as this handle; the sandbox post's id. */
    long post(String handle, String text) {
        return write(handle, text, null, false);
    }

    long reply(String handle, String text, long inReplyTo) {
        return write(handle, text, inReplyTo, false);
    }

    long message(String handle, String text) {
        return write(handle, text, null, true);
    }

    private long write(String handle, String text, @Nullable Long inReplyTo, boolean isPrivate) {
        var body = new HashMap<String, Object>(Map.of("author", handle, "text", text, "private", isPrivate));
        if (inReplyTo != null) {
            body.put("inReplyTo", inReplyTo);
        }
        var posted = admin.post("/api/sandbox/posts", body);
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        return posted.json().get("id").asLong();
    }

    /** This customer's conversations in Heard, newest first, once there are this many. */
    List<JsonNode> conversations(String handle, int count) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> admin.allConversations("status=all").stream()
                                .filter(r ->
                                        handle.equals(r.path("customerHandle").asString(null)))
                                .toList(),
                        rows -> rows.size() >= count);
    }

    JsonNode conversation(long id) {
        return admin.get("/api/conversations/" + id).json();
    }

    /**
     * The conversation once it satisfies the condition, read again afterwards: one read takes the conversation and
     * its messages in separate statements, so it may show a message of a change and not yet the rest of it.
     */
    JsonNode conversationWhen(long id, Predicate<JsonNode> condition) {
        await().atMost(Duration.ofSeconds(20)).until(() -> conversation(id), condition);
        return conversation(id);
    }

    static List<JsonNode> automated(JsonNode conversation) {
        return StreamSupport.stream(conversation.get("messages").spliterator(), false)
                .filter(m -> m.get("authorName").asString().equals("Automated"))
                .toList();
    }

    static boolean hasAutomated(JsonNode conversation, String visibility, String containing) {
        return automated(conversation).stream()
                .anyMatch(m -> m.get("visibility").asString().equals(visibility)
                        && m.get("text").asString().contains(containing));
    }

    /** The path of the one-time link in the bot's messages here. */
    static String linkIn(JsonNode conversation) {
        return automated(conversation).stream()
                .map(m -> LINK.matcher(m.get("text").asString()))
                .filter(java.util.regex.Matcher::find)
                .map(m -> m.group(1))
                .findFirst()
                .orElseThrow();
    }

    /** What the sandbox network shows: the timeline, newest first, private messages included. */
    List<JsonNode> timeline() {
        var all = admin.get("/api/sandbox/posts?limit=300").json();
        return StreamSupport.stream(all.spliterator(), false).toList();
    }

    JsonNode figures(String tag) {
        var all = admin.get("/api/selfservice/figures").json();
        return StreamSupport.stream(all.spliterator(), false)
                .filter(f -> f.get("tag").asString().equals(tag))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No figures for #" + tag + " in " + all));
    }

    /** A browser without a Heard account opening a one-time link, and sending its form. */
    static final class LinkVisit {

        private final HttpClient http =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        private final String url;
        private @Nullable String csrf;

        LinkVisit(int port, String path) {
            this.url = "http://127.0.0.1:" + port + path;
        }

        HttpResponse<String> open() {
            var page = send(HttpRequest.newBuilder(URI.create(url)).GET());
            var token = CSRF.matcher(page.body());
            csrf = token.find() ? token.group(1) : csrf;
            return page;
        }

        HttpResponse<String> connect(String account, String secret) {
            if (csrf == null) {
                open();
            }
            var form = "account=" + encode(account) + "&secret=" + encode(secret) + "&_csrf=" + encode(csrf);
            return send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static String encode(@Nullable String value) {
            return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
        }
    }
}
