package org.heard.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
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
 * Resolve and Reopen from the pane, and Take next from the list, each seen at once in a colleague's open inbox.
 */
@IntegrationTest
class ResolveAndTakeNextBrowserIntegrationTests {

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
    void anAgentResolvesAConversationAndReopensItAndAColleaguesOpenListFollows() {
        var post = posts("rhea", "@heardbrand my invoice shows the wrong address " + run);
        var colleague = new AgentInbox(
                browser.signIn(browser.window(), admin.addColleague("Rex Agent", "AGENT", PASSWORD), PASSWORD));
        assertThat(colleague.row(post)).isVisible();
        AgentInbox.markWindow(colleague.page);
        var agent = new AgentInbox(browser.signInAsAgent(browser.window())).open(post);

        agent.pane()
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Resolve"))
                .click();

        assertThat(agent.status()).hasText("Resolved");
        assertThat(colleague.row(post)).hasCount(0);

        agent.pane()
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reopen"))
                .click();

        assertThat(agent.status()).hasText("Open");
        assertThat(colleague.row(post)).isVisible();
        AgentInbox.assertNotReloaded(colleague.page);
    }

    @Test
    void takeNextOpensTheMostImportantUnassignedConversationAsMineAndAColleagueSeesItTaken() {
        var question = posts("quin", "@heardbrand what time do you open on Sunday? " + run);
        var complaint = posts("cora", "@heardbrand I was charged twice for one order and nobody answers " + run);
        var colleague = new AgentInbox(
                browser.signIn(browser.window(), admin.addColleague("Tess Agent", "AGENT", PASSWORD), PASSWORD));
        assertThat(colleague.row(complaint)).isVisible();
        var agent = new AgentInbox(browser.signInAsAgent(browser.window()));
        assertThat(agent.row(question)).isVisible();

        agent.page
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Take next"))
                .click();

        assertThat(agent.thread()).containsText(complaint);
        assertThat(agent.pane().getByLabel("Assignee").locator("option:checked"))
                .hasText("Admin");
        assertThat(colleague.row(complaint).locator(".assignee")).hasText("Admin");
        assertThat(colleague.row(question).locator(".assignee")).hasCount(0);
    }

    private String posts(String author, String text) {
        var created = admin.post("/api/sandbox/posts", Map.of("author", author, "text", text));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return text;
    }
}
