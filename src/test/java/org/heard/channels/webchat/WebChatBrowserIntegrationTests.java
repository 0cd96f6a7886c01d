package org.heard.channels.webchat;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.heard.Browser;
import org.heard.HeardClient;
import org.heard.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A company's plain web page on its own origin carries the widget with one script tag; a visitor chats,
 * an agent answers in Heard, and the answer appears in the widget live and again after a reload.
 */
@IntegrationTest
class WebChatBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    private HttpServer site;
    private HeardClient admin;
    private String key;

    @BeforeEach
    void aCompanySiteWithTheWidget() throws IOException {
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.start();
        var website = "http://localhost:" + site.getAddress().getPort();
        admin = new HeardClient(port).asAdmin();
        var connected = admin.post(
                "/api/admin/channels", Map.of("channel", "webchat", "credentials", Map.of("website", website)));
        assertThat(connected.status()).as(connected.toString()).isEqualTo(201);
        var webhookUrl = connected.json().get("webhookUrl").asString();
        key = webhookUrl.substring(webhookUrl.lastIndexOf('/') + 1);
        var html = """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
                <title>Acme shop</title></head>
                <body><h1>Acme shop</h1><p>Spring sale on all kettles.</p>
                <script src="http://127.0.0.1:%d/p/chat.js" data-account="%s" data-title="Chat with Acme" defer></script>
                </body></html>
                """.formatted(port, key);
        site.createContext("/", exchange -> {
            var body = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    @AfterEach
    void closeSite() {
        site.stop(0);
    }

    @Test
    void aVisitorChatsAndTheAgentsReplyAppearsInTheWidgetLive() {
        var visitor = browser.window();
        visitor.navigate(siteUrl());
        openChat(visitor);
        var question = "Is the blue kettle back in stock? " + UUID.randomUUID();
        visitor.getByPlaceholder("Write a message…").fill(question);
        visitor.getByPlaceholder("Write a message…").press("Enter");
        assertThat(visitor.locator(".line.VISITOR").last()).containsText(question);
        assertThat(visitor.locator(".line.VISITOR .meta").last()).hasText("Sent");

        var conversation = conversationWith(question);
        assertThat(conversation.get("visibility").asString()).isEqualTo("PRIVATE");
        var reply = "Yes, it came back this morning. Shall I reserve one? Ana";
        var sent = admin.post(
                "/api/conversations/" + conversation.get("id").asLong() + "/replies",
                Map.of("text", reply, "visibility", "private"));
        assertThat(sent.status()).as(sent.toString()).isBetween(200, 201);

        assertThat(visitor.locator(".line.TEAM")).containsText(reply);
        Browser.screenshot(visitor, "webchat-desktop");

        visitor.reload();
        openChat(visitor);
        assertThat(visitor.locator(".line.VISITOR")).containsText(question);
        assertThat(visitor.locator(".line.TEAM")).containsText(reply);
    }

    @Test
    void aMessageSentBeforeTheWidgetHasItsPassStaysInTheOneChatTheWidgetListensTo() {
        var visitor = browser.window();
        var sessions = new AtomicInteger();
        var held = new ArrayList<Route>();
        var release = new AtomicBoolean(false);
        visitor.route("**/p/chat/*/session", route -> {
            sessions.incrementAndGet();
            if (release.get()) {
                route.resume();
            } else {
                held.add(route);
            }
        });
        visitor.navigate(siteUrl());
        openChat(visitor);
        var question = "Do you deliver on Sundays? " + UUID.randomUUID();
        visitor.getByPlaceholder("Write a message…").fill(question);
        visitor.getByPlaceholder("Write a message…").press("Enter");
        assertThat(visitor.locator(".line.VISITOR .meta").last()).hasText("Sending…");

        release.set(true);
        held.forEach(Route::resume);
        assertThat(visitor.locator(".line.VISITOR .meta").last()).hasText("Sent");
        var id = conversationWith(question).get("id").asLong();
        var reply = "We do, between 10:00 and 16:00. Ana";
        var sent = admin.post("/api/conversations/" + id + "/replies", Map.of("text", reply, "visibility", "private"));
        assertThat(sent.status()).as(sent.toString()).isBetween(200, 201);

        assertThat(visitor.locator(".line.TEAM")).containsText(reply);
        assertThat(sessions.get()).as("visitor passes asked for").isEqualTo(1);
    }

    @Test
    void aReplySentWhileTheWidgetWasReconnectingAppearsWhenItReconnects() {
        var visitor = browser.window();
        var streamDown = new AtomicBoolean(true);
        visitor.route("**/p/chat/*/stream?**", route -> {
            if (streamDown.get()) {
                route.abort("connectionrefused");
            } else {
                route.resume();
            }
        });
        visitor.navigate(siteUrl());
        openChat(visitor);
        var question = "Can I still change my delivery address? " + UUID.randomUUID();
        visitor.getByPlaceholder("Write a message…").fill(question);
        visitor.getByPlaceholder("Write a message…").press("Enter");
        assertThat(visitor.locator(".line.VISITOR .meta").last()).hasText("Sent");
        var id = conversationWith(question).get("id").asLong();

        var reply = "Yes, until it leaves the warehouse tonight. What is the new address? Ben";
        var sent = admin.post("/api/conversations/" + id + "/replies", Map.of("text", reply, "visibility", "private"));
        assertThat(sent.status()).as(sent.toString()).isBetween(200, 201);
        await().atMost(Duration.ofSeconds(15)).until(() -> sentToTheVisitor(id, reply));
        assertThat(visitor.locator(".line.TEAM")).hasCount(0);

        streamDown.set(false);

        assertThat(visitor.locator(".line.TEAM")).containsText(reply);
        assertThat(visitor.locator(".line.VISITOR").filter(new Locator.FilterOptions().setHasText(question)))
                .hasCount(1);
    }

    @Test
    void onAPhoneTheChatFillsTheScreenAndCustomerTextStaysText() {
        var visitor = browser.phone();
        visitor.navigate(siteUrl());
        openChat(visitor);
        var hostile = "<img src=x onerror=alert(1)> where is order 88? " + UUID.randomUUID();
        visitor.getByPlaceholder("Write a message…").fill(hostile);
        visitor.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send"))
                .click();

        assertThat(visitor.locator(".line.VISITOR").last()).containsText(hostile);
        var panelWidth = (Number)
                visitor.evaluate(
                        "() => document.querySelector('[data-heard-chat]').shadowRoot.querySelector('.panel').getBoundingClientRect().width");
        assertThat(panelWidth.intValue()).isEqualTo(390);
        conversationWith(hostile);
        assertThat(browser.dialogs()).isEmpty();
        Browser.screenshot(visitor, "webchat-phone");
    }

    @Test
    void aVisitorCannotReadAnotherVisitorsChat() {
        var session = admin.post("/p/chat/" + key + "/session", Map.of()).json();
        var other = admin.post("/p/chat/" + key + "/session", Map.of()).json();

        var refused = admin.get(
                "/p/chat/" + key + "/lines?visitor=" + session.get("visitor").asString() + "&token="
                        + other.get("token").asString());

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(admin.get("/p/chat/not-a-key/lines?visitor=v&token=t").status())
                .isEqualTo(404);
    }

    private static void openChat(Page visitor) {
        visitor.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Chat with Acme"))
                .click();
    }

    private boolean sentToTheVisitor(long conversation, String text) {
        for (var message :
                admin.get("/api/conversations/" + conversation).json().get("messages")) {
            if (message.get("text").asString().equals(text)) {
                return message.get("deliveryState").asString().equals("SENT");
            }
        }
        return false;
    }

    private String siteUrl() {
        return "http://localhost:" + site.getAddress().getPort() + "/";
    }

    private JsonNode conversationWith(String text) {
        return await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> admin.allConversations("status=all&channel=webchat").stream()
                                .filter(c -> c.toString().contains(text.substring(text.length() - 36)))
                                .findFirst()
                                .orElse(null),
                        found -> found != null);
    }
}
