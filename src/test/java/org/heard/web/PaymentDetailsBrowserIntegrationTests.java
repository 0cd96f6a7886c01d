package org.heard.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import java.util.Map;
import org.heard.Browser;
import org.heard.HeardClient;
import org.heard.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A customer sends their card number in a private message: every agent sees it masked, in the list and in the thread;
 * a supervisor reveals it with one click when a refund needs it, and it is masked again afterwards.
 */
@IntegrationTest
class PaymentDetailsBrowserIntegrationTests {

    private static final String CARD = "4242 4242 4242 4242";

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void anAgentSeesTheCardMaskedAndASupervisorRevealsItOnce() {
        var admin = new HeardClient(port).asAdmin();
        var made = admin.post(
                "/api/admin/users",
                Map.of("email", "ana@heard.test", "name", "Ana Agent", "password", "ana-password", "role", "AGENT"));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        var text = "Please refund the double charge to my card " + CARD + ", thanks";
        var posted = admin.post("/api/sandbox/posts", Map.of("author", "lena.k", "text", text, "private", true));
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        var masked = "Please refund the double charge to my card •••• •••• •••• 4242, thanks";

        var agent = new AgentInbox(browser.signIn(browser.window(), "ana@heard.test", "ana-password"));
        assertThat(agent.row("Lena")).containsText("•••• 4242");
        assertThat(agent.row("Lena")).not().containsText(CARD);
        agent.row("Lena").locator("a.row-link").click();
        assertThat(agent.thread()).containsText(masked);
        assertThat(agent.thread()).containsText("Masked for everyone: the customer's payment card number.");
        assertThat(reveal(agent)).hasCount(0);

        var supervisor = new AgentInbox(browser.signInAsAgent(browser.window()));
        supervisor.row("Lena").locator("a.row-link").click();
        assertThat(supervisor.thread()).containsText(masked);
        reveal(supervisor).click();

        assertThat(supervisor.thread()).containsText(text);
        assertThat(supervisor.thread()).containsText("Shown as written to you only, and recorded");
        Browser.screenshot(supervisor.page, "payment-details-revealed");
        assertThat(agent.thread()).not().containsText(CARD);

        supervisor.page.reload();
        assertThat(supervisor.thread()).containsText(masked);
        assertThat(supervisor.thread()).not().containsText(CARD);
    }

    private static Locator reveal(AgentInbox inbox) {
        return inbox.thread().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reveal"));
    }
}
