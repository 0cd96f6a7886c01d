package org.heard.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** A care agent in the live inbox, {@code /inbox}. */
final class AgentInbox {

    final Page page;

    AgentInbox(Page page) {
        this.page = page;
    }

    Locator list() {
        return page.locator("#conversation-list");
    }

    /** The list row of the conversation whose preview or customer shows this text. */
    Locator row(String text) {
        return list().locator(".row").filter(new Locator.FilterOptions().setHasText(text));
    }

    Locator pane() {
        return page.locator("#pane");
    }

    Locator thread() {
        return pane().getByRole(AriaRole.LIST, new Locator.GetByRoleOptions().setName("Messages"));
    }

    Locator replyBox() {
        return page.locator("#reply-text");
    }

    Locator status() {
        return pane().locator(".conv-header .badge.status");
    }

    /** Opens the conversation from its row and waits for its pane. */
    AgentInbox open(String text) {
        row(text).locator("a.row-link").click();
        assertThat(thread()).containsText(text);
        // The thread shows before the page's scripts run; a shortcut pressed before then would go nowhere.
        page.waitForLoadState();
        return this;
    }

    /** Types a reply and sends it with the Send button, then waits until the network took it. */
    AgentInbox reply(String text) {
        replyBox().fill(text);
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Send").setExact(true))
                .click();
        return waitUntilSent(text);
    }

    /** The same from the keyboard: r puts the cursor in the reply box, Ctrl+Enter sends; waits until the network took it. */
    AgentInbox replyFromKeyboard(String text) {
        page.keyboard().press("r");
        assertThat(replyBox()).isFocused();
        page.keyboard().type(text);
        page.keyboard().press("Control+Enter");
        return waitUntilSent(text);
    }

    /** Shows only the conversations assigned to this person, and waits for the list the filter loads. */
    AgentInbox showMine() {
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Mine").setExact(true))
                .click();
        page.waitForURL(java.util.regex.Pattern.compile(".*assignee=mine.*"));
        page.waitForLoadState();
        return this;
    }

    AgentInbox waitUntilSent(String text) {
        var message = thread().locator(".message.from-team").filter(new Locator.FilterOptions().setHasText(text));
        assertThat(message.locator(".delivery")).containsText("Sent");
        return this;
    }

    /** Marks the window so that a test can tell a live update from a reload: a reload forgets the mark. */
    static void markWindow(Page page) {
        page.evaluate("() => { window.__heardNotReloaded = true; }");
    }

    static void assertNotReloaded(Page page) {
        org.assertj.core.api.Assertions.assertThat(page.evaluate("() => window.__heardNotReloaded === true"))
                .as("the page updated live, without a reload")
                .isEqualTo(true);
    }
}
