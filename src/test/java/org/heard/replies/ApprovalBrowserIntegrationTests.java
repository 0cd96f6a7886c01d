package org.heard.replies;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.heard.Browser;
import org.heard.IntegrationTest;
import org.heard.replies.ReplyFixtures.Person;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An agent whose replies need approval and a supervisor in another window: the reply reaches the customer
 * only once approved, and a reply sent back with a comment reaches its author live, ready to edit and send
 * again.
 */
@IntegrationTest
class ApprovalBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    ReplyFixtures fixtures;
    String tag;
    Person agent;
    long conversation;
    Page supervisor;
    Page author;

    @BeforeEach
    void aNewAgentWhoseRepliesWaitAndASupervisorWatchingTheQueue() {
        fixtures = new ReplyFixtures(port);
        tag = ReplyFixtures.unique();
        agent = fixtures.person("AGENT", "Ana " + tag);
        fixtures.ruleFor(agent.id(), "New starters " + tag);
        conversation = fixtures.customerPosts("b" + tag, "@heardbrand my order never came " + tag);

        supervisor = browser.signInAsAgent(browser.window());
        supervisor.navigate("/replies/approvals");
        supervisor.evaluate("() => { window.__notReloaded = true; }");
        author = browser.signIn(browser.window(), agent.email(), ReplyFixtures.PASSWORD);
        author.navigate("/inbox/" + conversation);
        author.evaluate("() => { window.__notReloaded = true; }");
    }

    @AfterEach
    void removeRules() {
        fixtures.removeRules();
    }

    @Test
    void theReplyReachesTheCustomerOnlyOnceTheSupervisorApprovesIt() {
        var text = "So sorry! A new parcel leaves today. " + tag;
        send(text);

        var mine = teamMessage(text);
        assertThat(mine.locator(".delivery")).containsText("Waits for approval: New starters " + tag);
        var card = supervisor.locator(".approval-card").filter(new Locator.FilterOptions().setHasText(text));
        assertThat(card).isVisible();
        assertThat(card).containsText("@heardbrand my order never came " + tag);
        assertThat(card).containsText("Step 1 of 1: Supervisors");
        assertThat(fixtures.onTimeline(text))
                .as("on the timeline before approval")
                .isEmpty();
        Browser.screenshot(supervisor, "approvals-queue");

        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approve"))
                .click();

        assertThat(supervisor.getByText("Approved and sent.")).isVisible();
        fixtures.awaitOnceOnTimeline(text);
        assertThat(mine.locator(".delivery")).containsText("Sent");
        assertThat(supervisor.locator(".audit")).containsText("approved step 1 of");
        assertNotReloaded(author);
    }

    @Test
    void aReplySentBackWithACommentReachesItsAuthorLiveReadyToEditAndResubmit() {
        var text = "We'll refund you by Friday for sure. " + tag;
        send(text);
        var card = supervisor.locator(".approval-card").filter(new Locator.FilterOptions().setHasText(text));

        card.getByLabel("Comment for the author").fill("Don't promise a date before billing confirms.");
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send back"))
                .click();

        assertThat(supervisor.getByText("Sent back to its author with your comment."))
                .isVisible();
        var mine = teamMessage(text);
        assertThat(mine.locator(".delivery .returned")).containsText(": Don't promise a date before billing confirms.");
        assertThat(mine.locator(".delivery .returned")).containsText("Sent back by ");
        assertNotReloaded(author);
        Browser.screenshot(author, "approvals-sent-back");
        assertThat(fixtures.onTimeline(text)).isEmpty();

        mine.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit and resubmit"))
                .click();
        assertThat(author.locator("#reply-text")).hasValue(text);
        var better = "We're checking your refund with billing and will tell you today. " + tag;
        send(better);
        assertThat(teamMessage(better).locator(".delivery")).containsText("Waits for approval");
        assertThat(supervisor.locator(".approval-card").filter(new Locator.FilterOptions().setHasText(better)))
                .isVisible();
    }

    private void send(String text) {
        author.locator("#reply-text").fill(text);
        author.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Send").setExact(true))
                .click();
    }

    private Locator teamMessage(String text) {
        return author.locator("#pane .message.from-team").filter(new Locator.FilterOptions().setHasText(text));
    }

    private static void assertNotReloaded(Page page) {
        assertThat(page.evaluate("() => window.__notReloaded === true"))
                .as("the page updated live, without a reload")
                .isEqualTo(true);
    }
}
