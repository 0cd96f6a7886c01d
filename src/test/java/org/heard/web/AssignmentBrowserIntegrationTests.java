package org.heard.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
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
 * Who has a conversation, set from the pane by mouse, by keyboard and from the assignee list, and seen at once in a
 * colleague's open inbox: the row there names the new assignee without a reload.
 */
@IntegrationTest
class AssignmentBrowserIntegrationTests {

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
        post = "@heardbrand my router keeps dropping the connection " + "#"
                + UUID.randomUUID().toString().substring(0, 8);
        var created = admin.post("/api/sandbox/posts", Map.of("author", "aiko", "text", post));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    @Test
    void anAgentTakesAConversationWithAssignToMeAndAColleagueSeesItIsTaken() {
        var ana = colleague("Ana Agent", "AGENT");
        var colleague = inboxOf(ana);
        var agent = new AgentInbox(browser.signIn(browser.window(), ana, PASSWORD)).open(post);
        AgentInbox.markWindow(colleague.page);
        assertThat(colleague.row(post).locator(".assignee")).hasCount(0);

        agent.pane()
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Assign to me"))
                .click();

        assertThat(assignee(agent)).hasText("Ana Agent");
        assertThat(agent.pane().getByText("Assign to me")).hasCount(0);
        assertThat(colleague.row(post).locator(".assignee")).hasText("Ana Agent");
        AgentInbox.assertNotReloaded(colleague.page);
    }

    @Test
    void theAKeyAssignsTheOpenConversationToMe() {
        var ben = colleague("Ben Agent", "AGENT");
        var supervisor = new AgentInbox(browser.signInAsAgent(browser.window()));
        assertThat(supervisor.row(post).locator(".assignee")).hasCount(0);
        AgentInbox.markWindow(supervisor.page);
        var agent = new AgentInbox(browser.signIn(browser.window(), ben, PASSWORD)).open(post);

        agent.page.keyboard().press("a");

        assertThat(assignee(agent)).hasText("Ben Agent");
        assertThat(supervisor.row(post).locator(".assignee")).hasText("Ben Agent");
        AgentInbox.assertNotReloaded(supervisor.page);
    }

    /**
     * Shift+A puts the cursor in the assignee list; moving through it with the arrows or typing a name only
     * chooses (each step would otherwise hand the conversation to someone on the way), and Enter hands it over.
     */
    @Test
    void shiftAChoosesAColleagueFromTheKeyboardAndEnterHandsItOverOrBackToNobody() {
        var dora = colleague("Dora Agent", "AGENT");
        colleague("Eli Agent", "AGENT");
        var colleague = inboxOf(dora);
        colleague.showMine();
        assertThat(colleague.row(post)).hasCount(0);
        AgentInbox.markWindow(colleague.page);
        var supervisor = new AgentInbox(browser.signInAsAgent(browser.window())).open(post);
        var handedOver = new java.util.concurrent.atomic.AtomicInteger();
        supervisor.page.onRequest(request -> {
            if (request.method().equals("POST") && request.url().endsWith("/assign")) {
                handedOver.incrementAndGet();
            }
        });

        supervisor.page.keyboard().press("Shift+A");
        assertThat(supervisor.pane().getByLabel("Assignee")).isFocused();
        supervisor.page.keyboard().press("ArrowDown");
        supervisor.page.keyboard().press("ArrowDown");
        // One letter: a name typed in full is read as one search only while the keys come within a second.
        supervisor.page.keyboard().press("d");
        assertThat(assignee(supervisor)).hasText("Dora Agent");
        supervisor.page.keyboard().press("Enter");

        assertThat(colleague.row(post).locator(".assignee")).hasText("Dora Agent");
        assertThat(assignedInPane(supervisor)).hasText("Dora Agent");
        assertThat(handedOver).as("one hand-over, on Enter").hasValue(1);

        // The list keeps the cursor after the hand-over; Escape leaves it, and Shift+A comes back to it.
        var list = supervisor.pane().getByLabel("Assignee");
        assertThat(list).isFocused();
        supervisor.page.keyboard().press("Escape");
        assertThat(list).not().isFocused();
        supervisor.page.keyboard().press("Shift+A");
        assertThat(list).isFocused();
        supervisor.page.keyboard().press("u");
        supervisor.page.keyboard().press("Enter");

        assertThat(colleague.row(post)).hasCount(0);
        assertThat(assignedInPane(supervisor)).hasText("Unassigned");
        assertThat(handedOver).hasValue(2);
        AgentInbox.assertNotReloaded(colleague.page);
    }

    @Test
    void aSupervisorHandsAConversationToAColleagueAndTakesItBackToNobody() {
        var cleo = colleague("Cleo Agent", "AGENT");
        var colleague = inboxOf(cleo);
        var supervisor = new AgentInbox(browser.signInAsAgent(browser.window())).open(post);

        supervisor.pane().getByLabel("Assignee").selectOption(new SelectOption().setLabel("Cleo Agent"));

        assertThat(assignee(supervisor)).hasText("Cleo Agent");
        assertThat(colleague.row(post).locator(".assignee")).hasText("Cleo Agent");
        colleague.showMine();
        assertThat(colleague.row(post)).isVisible();

        AgentInbox.markWindow(colleague.page);
        supervisor.pane().getByLabel("Assignee").selectOption(new SelectOption().setLabel("Unassigned"));

        assertThat(assignee(supervisor)).hasText("Unassigned");
        assertThat(colleague.row(post)).hasCount(0);
        AgentInbox.assertNotReloaded(colleague.page);
    }

    /** The name the pane's assignee list shows as chosen. */
    private static Locator assignee(AgentInbox inbox) {
        return inbox.pane().getByLabel("Assignee").locator("option:checked");
    }

    /** The assignee the pane was drawn with (a choice made from the keyboard and not yet sent is not it). */
    private static Locator assignedInPane(AgentInbox inbox) {
        return inbox.pane().getByLabel("Assignee").locator("option[selected]");
    }

    /** A colleague of the given role, made by the admin; returns their email. */
    private String colleague(String name, String role) {
        return admin.addColleague(name, role, PASSWORD);
    }

    /** The colleague's own inbox, open in a window of their own, with the customer's post in it. */
    private AgentInbox inboxOf(String email) {
        var inbox = new AgentInbox(browser.signIn(browser.window(), email, PASSWORD));
        assertThat(inbox.row(post)).isVisible();
        return inbox;
    }
}
