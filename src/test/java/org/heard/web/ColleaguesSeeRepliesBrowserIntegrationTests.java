package org.heard.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import java.util.Map;
import java.util.UUID;
import org.heard.Browser;
import org.heard.HeardClient;
import org.heard.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A reply, public or private, sent with the Send button and from the keyboard: a colleague who has the same
 * conversation open sees it arrive in the thread, and the list row says the conversation now waits on the customer,
 * without a reload. Two people must never answer one customer twice because one of them could not see the other.
 */
@IntegrationTest
class ColleaguesSeeRepliesBrowserIntegrationTests {

    private static final String PASSWORD = "a-colleague-password";

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    HeardClient admin;
    String run;

    @BeforeEach
    void connect() {
        admin = new HeardClient(port).asAdmin();
        run = "#" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void publicRepliesByMouseAndByKeyboardReachAColleaguesOpenConversation() {
        var post = "@heardbrand the lift at Bank station is out again " + run;
        customerSends(post, false);
        var colleague = colleagueWith(post, "Pia Agent");
        var agent = new AgentInbox(browser.signInAsAgent(browser.window())).open(post);
        assertThat(agent.page.getByLabel("Public reply in the thread")).isChecked();

        var byMouse = "Sorry about that, the engineers are on their way. Ana";
        agent.reply(byMouse);

        assertThat(teamMessage(colleague, byMouse)).isVisible();
        assertThat(teamMessage(colleague, byMouse).locator(".badge.private")).hasCount(0);
        assertThat(rowOf(colleague, agent).locator(".badge.status")).hasText("Pending");

        var byKeyboard = "Update: it is working again. Ana";
        agent.replyFromKeyboard(byKeyboard);

        assertThat(teamMessage(colleague, byKeyboard)).isVisible();
        assertThat(colleague.thread().locator(".message.from-team")).hasCount(2);
        AgentInbox.assertNotReloaded(colleague.page);
    }

    @Test
    void privateRepliesByMouseAndByKeyboardReachAColleaguesOpenConversation() {
        var message = "Hi, my order 7731 was charged twice " + run;
        customerSends(message, true);
        var colleague = colleagueWith(message, "Quinn Agent");
        var agent = new AgentInbox(browser.signInAsAgent(browser.window())).open(message);
        assertThat(agent.page.getByLabel("Private message")).isChecked();

        var byKeyboard = "Thanks, I can see both payments and have refunded one. Ana";
        agent.replyFromKeyboard(byKeyboard);

        assertThat(teamMessage(colleague, byKeyboard).locator(".badge.private")).hasText("Private");
        assertThat(rowOf(colleague, agent).locator(".badge.status")).hasText("Pending");

        var byMouse = "The refund reference is RF-7731. Ana";
        agent.reply(byMouse);

        assertThat(teamMessage(colleague, byMouse).locator(".badge.private")).hasText("Private");
        assertThat(colleague.thread().locator(".message.from-team")).hasCount(2);
        AgentInbox.assertNotReloaded(colleague.page);
    }

    private void customerSends(String text, boolean inPrivate) {
        var created = admin.post("/api/sandbox/posts", Map.of("author", "lena.k", "text", text, "private", inPrivate));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    /** A colleague with the conversation open in a window of their own, marked to tell a live update from a reload. */
    private AgentInbox colleagueWith(String text, String name) {
        var colleague = new AgentInbox(
                        browser.signIn(browser.window(), admin.addColleague(name, "AGENT", PASSWORD), PASSWORD))
                .open(text);
        AgentInbox.markWindow(colleague.page);
        return colleague;
    }

    /** The colleague's row of the conversation the agent has open: its preview is now the reply, not the post. */
    private static Locator rowOf(AgentInbox colleague, AgentInbox agent) {
        var id = agent.pane().getAttribute("data-conversation-id");
        return colleague.list().locator(".row[data-conversation-id=\"" + id + "\"]");
    }

    private static Locator teamMessage(AgentInbox inbox, String text) {
        return inbox.thread().locator(".message.from-team").filter(new Locator.FilterOptions().setHasText(text));
    }
}
