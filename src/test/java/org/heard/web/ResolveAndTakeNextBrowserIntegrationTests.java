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
 * Resolve, Reopen and Mark pending from the pane, and Take next from the list by mouse and by keyboard, each seen at
 * once in a colleague's open inbox.
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
        takesNextWhileAColleagueWatches(agent -> agent.page
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Take next"))
                .click());
    }

    @Test
    void shiftNTakesNextFromTheKeyboardAndAColleagueSeesItTaken() {
        takesNextWhileAColleagueWatches(agent -> agent.page.keyboard().press("Shift+N"));
    }

    /** A question and a complaint wait; the admin takes next, gets the complaint, and the colleague sees it taken. */
    private void takesNextWhileAColleagueWatches(java.util.function.Consumer<AgentInbox> takeNext) {
        var question = posts("quin", "@heardbrand what time do you open on Sunday? " + run);
        var complaint = posts("cora", "@heardbrand I was charged twice for one order and nobody answers " + run);
        var colleague = new AgentInbox(
                browser.signIn(browser.window(), admin.addColleague("Tess Agent", "AGENT", PASSWORD), PASSWORD));
        assertThat(colleague.row(complaint)).isVisible();
        AgentInbox.markWindow(colleague.page);
        var agent = new AgentInbox(browser.signInAsAgent(browser.window()));
        assertThat(agent.row(question)).isVisible();

        takeNext.accept(agent);

        assertThat(agent.thread()).containsText(complaint);
        assertThat(agent.pane().getByLabel("Assignee").locator("option:checked"))
                .hasText("Admin");
        assertThat(colleague.row(complaint).locator(".assignee")).hasText("Admin");
        assertThat(colleague.row(question).locator(".assignee")).hasCount(0);
        AgentInbox.assertNotReloaded(colleague.page);
    }

    @Test
    void anAgentMarksAConversationPendingWithTheMouseAndAColleaguesOpenRowSaysSo() {
        var post = posts("mira", "@heardbrand can you check why my order was split in two? " + run);
        var colleague = new AgentInbox(
                browser.signIn(browser.window(), admin.addColleague("Max Agent", "AGENT", PASSWORD), PASSWORD));
        assertThat(colleague.row(post).locator(".badge.status")).not().hasText("Pending");
        AgentInbox.markWindow(colleague.page);
        var agent = new AgentInbox(browser.signInAsAgent(browser.window())).open(post);

        agent.pane()
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark pending"))
                .click();

        assertThat(agent.status()).hasText("Pending");
        assertThat(agent.pane().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark pending")))
                .hasCount(0);
        assertThat(colleague.row(post).locator(".badge.status")).hasText("Pending");
        AgentInbox.assertNotReloaded(colleague.page);
    }

    /**
     * A colleague's change refreshes the open conversation while the agent has Resolve pressed: the refresh waits
     * until the agent lets go, so the press still becomes a click, and the colleague's change shows after it.
     */
    @Test
    void aButtonPressedAsTheConversationRefreshesStillActsWhenTheAgentLetsGo() {
        var post = posts("ola", "@heardbrand my parcel went to the wrong town " + run);
        var agent = new AgentInbox(browser.signInAsAgent(browser.window())).open(post);
        agent.page.evaluate("""
                () => {
                  window.paneAnswers = [];
                  const fetched = window.fetch;
                  window.fetch = (url, options) => fetched(url, options).then(response => {
                    if (String(url).endsWith('/pane')) response.clone().text().then(t => window.paneAnswers.push(t));
                    return response;
                  });
                }""");
        var resolve = agent.pane().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Resolve"));
        // The button stays where it is; the pane may be drawn afresh at any moment, so its box is read again until
        // one read lands on a button that is there.
        assertThat(resolve).isVisible();
        var box = resolve.boundingBox();
        for (int read = 0; box == null && read < 20; read++) {
            assertThat(resolve).isVisible();
            box = resolve.boundingBox();
        }
        agent.page.mouse().move(box.x + box.width / 2, box.y + box.height / 2);

        agent.page.mouse().down();
        var id = agent.pane().getAttribute("data-conversation-id");
        var noted = admin.post("/api/conversations/" + id + "/notes", Map.of("text", "Courier ticket CT-" + run));
        assertThat(noted.status()).as(noted.body()).isEqualTo(201);
        agent.page.waitForFunction("text => window.paneAnswers.some(a => a.includes(text))", "CT-" + run);
        agent.page.mouse().up();

        assertThat(agent.status()).hasText("Resolved");
        assertThat(agent.pane().locator(".notes .note")).containsText("CT-" + run);
    }

    private String posts(String author, String text) {
        var created = admin.post("/api/sandbox/posts", Map.of("author", author, "text", text));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return text;
    }
}
