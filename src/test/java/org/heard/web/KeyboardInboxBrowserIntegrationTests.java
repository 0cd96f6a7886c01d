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

/**
 * An agent working the inbox from the keyboard: j and k to move, r to reply, e to resolve and reopen (seen at once
 * in a colleague's open list), ? for help.
 */
@IntegrationTest
class KeyboardInboxBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void jOpensTheFirstConversationRFocusesTheReplyAndEResolvesIt() {
        var post = "@heardbrand do you ship to Ireland? " + unique();
        var admin = new HeardClient(port).asAdmin();
        var created = admin.post("/api/sandbox/posts", Map.of("author", "sam_r", "text", post));
        assertThat(created.status()).isEqualTo(201);
        var password = "a-colleague-password";
        var colleague = new AgentInbox(
                browser.signIn(browser.window(), admin.addColleague("Kit Agent", "AGENT", password), password));
        assertThat(colleague.row(post)).isVisible();
        AgentInbox.markWindow(colleague.page);
        var agent = new AgentInbox(browser.signInAsAgent(browser.window()));
        var page = agent.page;
        var first = agent.list().locator(".row").first();
        assertThat(first).isVisible();
        var firstId = first.getAttribute("data-conversation-id");

        page.keyboard().press("j");

        page.waitForURL(Pattern.compile(".*/inbox/" + firstId + "\\b.*"));
        assertThat(agent.list().locator(".row").first()).hasClass(Pattern.compile("\\bselected\\b"));
        assertThat(agent.pane()).hasAttribute("data-conversation-id", firstId);

        page.keyboard().press("r");
        assertThat(agent.replyBox()).isFocused();
        page.keyboard().press("e");
        assertThat(agent.replyBox()).hasValue("e");
        agent.replyBox().fill("");
        page.keyboard().press("Escape");
        assertThat(agent.replyBox()).not().isFocused();

        page.keyboard().press("e");
        assertThat(agent.status()).hasText("Resolved");
        assertThat(colleague.row(post)).hasCount(0);
        Browser.screenshot(page, "keyboard-resolved");

        page.keyboard().press("e");
        assertThat(agent.status()).hasText("Open");
        assertThat(colleague.row(post)).isVisible();
        AgentInbox.assertNotReloaded(colleague.page);
    }

    @Test
    void questionMarkShowsTheShortcutsAndEscapeClosesThem() {
        var agent = new AgentInbox(browser.signInAsAgent(browser.window()));
        var help = agent.page.getByRole(
                com.microsoft.playwright.options.AriaRole.DIALOG,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("Keyboard shortcuts"));

        agent.page.keyboard().press("?");
        assertThat(help).isVisible();
        assertThat(help).containsText("Resolve (or reopen)");
        Browser.screenshot(agent.page, "keyboard-help");

        agent.page.keyboard().press("Escape");
        assertThat(help).isHidden();
    }

    static String unique() {
        return "#" + UUID.randomUUID().toString().substring(0, 8);
    }
}
