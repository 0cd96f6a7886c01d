package org.heard.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
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
 * An internal note, written from the pane's Note tool by mouse or with the {@code n} key: the writer and a colleague
 * with the same conversation open see it at once, and the customer never does.
 */
@IntegrationTest
class NotesBrowserIntegrationTests {

    private static final String PASSWORD = "a-colleague-password";

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    HeardClient admin;
    String post;

    @BeforeEach
    void aCustomerHasPosted() {
        admin = new HeardClient(port).asAdmin();
        post = "@heardbrand the refund never reached my card #"
                + UUID.randomUUID().toString().substring(0, 8);
        var created = admin.post("/api/sandbox/posts", Map.of("author", "noor", "text", post));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    @Test
    void anAgentAddsANoteWithTheMouseAndAColleagueInTheSameConversationSeesItLive() {
        var ana = admin.addColleague("Ana Notes", "AGENT", PASSWORD);
        var agent = new AgentInbox(browser.signIn(browser.window(), ana, PASSWORD)).open(post);
        var supervisor = new AgentInbox(browser.signInAsAgent(browser.window())).open(post);
        AgentInbox.markWindow(supervisor.page);

        agent.pane()
                .locator("summary")
                .filter(new Locator.FilterOptions().setHasText("Note"))
                .click();
        noteBox(agent).fill("Refund went out on the 3rd, ref RF-118");
        agent.pane()
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add note"))
                .click();

        var notes = agent.pane().getByRole(AriaRole.REGION, new Locator.GetByRoleOptions().setName("Internal notes"));
        assertThat(notes.locator(".note")).hasCount(1);
        assertThat(notes.locator(".note")).containsText("Ana Notes");
        assertThat(notes.locator(".note")).containsText("Refund went out on the 3rd, ref RF-118");
        assertThat(noteBox(agent)).hasValue("");
        assertThat(supervisor.pane().locator(".notes .note")).containsText("Refund went out on the 3rd, ref RF-118");
        AgentInbox.assertNotReloaded(supervisor.page);
        assertThat(admin.get("/api/sandbox/posts").body()).doesNotContain("RF-118");
    }

    @Test
    void theNKeyOpensTheNoteToolAndEnterSavesTheNote() {
        var bo = admin.addColleague("Bo Notes", "AGENT", PASSWORD);
        var colleague = new AgentInbox(browser.signIn(browser.window(), bo, PASSWORD)).open(post);
        AgentInbox.markWindow(colleague.page);
        var agent = new AgentInbox(browser.signInAsAgent(browser.window())).open(post);
        var tool = agent.pane().locator("#note-tool");
        assertThat(tool).not().hasAttribute("open", "");

        agent.page.keyboard().press("n");

        assertThat(tool).hasAttribute("open", "");
        assertThat(noteBox(agent)).isFocused();
        agent.page.keyboard().type("Customer prefers email");
        agent.page.keyboard().press("Enter");

        assertThat(agent.pane().locator(".notes .note")).containsText("Customer prefers email");
        assertThat(colleague.pane().locator(".notes .note")).containsText("Customer prefers email");
        AgentInbox.assertNotReloaded(colleague.page);

        agent.pane()
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add note"))
                .click();
        assertThat(agent.pane().locator(".notes .note")).hasCount(1);
    }

    private static Locator noteBox(AgentInbox inbox) {
        return inbox.pane().getByRole(AriaRole.TEXTBOX, new Locator.GetByRoleOptions().setName("Internal note"));
    }
}
