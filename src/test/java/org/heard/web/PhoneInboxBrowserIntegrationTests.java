package org.heard.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.heard.Browser;
import org.heard.HeardClient;
import org.heard.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An agent answering from a phone (390×844): one column at a time, the list or the conversation. */
@IntegrationTest
class PhoneInboxBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void anAgentOnAPhoneOpensAConversationFromTheListRepliesAndGoesBack() {
        var text = "@heardbrand the app logs me out every time I open it " + unique();
        var created = new HeardClient(port).post("/api/sandbox/posts", Map.of("author", "maria_g", "text", text));
        assertThat(created.status()).isEqualTo(201);
        var agent = new AgentInbox(browser.signInAsAgent(browser.phone()));
        var page = agent.page;

        assertThat(agent.row(text)).isVisible();
        assertThat(page.locator(".list-pane")).isVisible();
        assertThat(page.locator("#conversation-pane")).isHidden();
        assertFitsTheScreenWidth(agent);
        Browser.screenshot(page, "phone-inbox-list");

        agent.open(text);
        page.waitForURL(Pattern.compile(".*/inbox/\\d+.*"));
        var conversation = agent.pane().getAttribute("data-conversation-id");
        assertThat(page.locator(".list-pane")).isHidden();
        assertThat(page.getByLabel("Back to the inbox")).isVisible();
        assertThat(agent.replyBox()).isInViewport();
        assertFitsTheScreenWidth(agent);
        Browser.screenshot(page, "phone-conversation");

        var reply = "Sorry María! Which phone and app version are you on? We will sort it out.";
        agent.reply(reply);
        assertThat(page.locator("[data-send]")).isInViewport();
        assertFitsTheScreenWidth(agent);
        Browser.screenshot(page, "phone-reply-sent");

        page.getByLabel("Back to the inbox").click();
        page.waitForURL("**/inbox");
        assertThat(page.locator(".list-pane")).isVisible();
        assertThat(page.locator("#conversation-pane")).isHidden();
        assertThat(agent.list().locator("[data-conversation-id='" + conversation + "']"))
                .containsText(reply.substring(0, 20));
    }

    private static void assertFitsTheScreenWidth(AgentInbox agent) {
        assertThat(agent.page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                .as("nothing sticks out sideways on a phone")
                .isEqualTo(true);
    }

    static String unique() {
        return "#" + UUID.randomUUID().toString().substring(0, 8);
    }
}
