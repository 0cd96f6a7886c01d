package org.heard.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
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

    @Test
    void onAPhoneThePagesAreAMenuAndTheFiltersOpenOnlyWhenAsked() {
        var agent = new AgentInbox(browser.signInAsAgent(browser.phone()));
        var page = agent.page;
        var menu = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menu"));
        var pages = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Pages"));
        var filters = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filters"));

        assertThat(pages).isHidden();
        assertThat(page.locator("#filter-chips")).isHidden();
        var tools = page.locator(".list-pane nav.filters").boundingBox();
        assertThat(tools.height).as("the filters' height on an 844 px screen").isLessThan(844 * 0.12);
        assertFitsTheScreenWidth(agent);
        Browser.screenshot(page, "phone-inbox-closed-menu");

        menu.click();
        assertThat(menu).hasAttribute("aria-expanded", "true");
        for (var name :
                new String[] {"Inbox", "Triage", "Self-service", "Replies", "Approvals", "Scheduled", "Channels"}) {
            var link = pages.getByRole(
                    AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true));
            assertThat(link).isInViewport(new LocatorAssertions.IsInViewportOptions().setRatio(1));
        }
        Browser.screenshot(page, "phone-menu-open");
        pages.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Triage"))
                .click();
        page.waitForURL("**/triage");
        page.goBack();

        filters.click();
        page.locator("#filter-chips")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Mine"))
                .click();
        page.waitForURL(Pattern.compile(".*assignee=mine.*"));
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filters (on)")))
                .isVisible();
        assertThat(page.locator("#filter-chips")).isHidden();
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
