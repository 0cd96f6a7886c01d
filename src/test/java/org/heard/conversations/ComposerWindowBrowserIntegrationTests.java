package org.heard.conversations;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.heard.Browser;
import org.heard.HeardClient;
import org.heard.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** In the pane: the closed messaging window explained, the template picker, and hiding a public comment. */
@IntegrationTest
class ComposerWindowBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void afterTheWindowTheAgentReadsWhyAndSendsAnApprovedTemplateFilledIn() {
        var customer = "c-" + UUID.randomUUID().toString().substring(0, 8);
        long id = customerWrites(customer, "m-" + customer, true, Instant.now().minus(Duration.ofHours(26)));
        var page = browser.signInAsAgent(browser.window());
        page.navigate("/inbox/" + id);
        var pane = page.locator("#pane");

        assertThat(pane.locator(".template-composer .window-closed"))
                .hasText("The customer last wrote 26 hours ago; Chatline only allows an approved template now.");
        assertThat(pane.locator("#reply-text")).hasCount(0);
        var preview = pane.locator("[data-template-preview]");
        assertThat(preview).hasText("Hi [{{1}}], your order [{{2}}] has an update.");

        var variables = pane.locator("fieldset[data-template='order_update|en_US'] input[name=variable]");
        variables.nth(0).fill("Pablo");
        assertThat(preview).hasText("Hi Pablo, your order [{{2}}] has an update.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send template"))
                .click();
        assertThat(pane.locator(".template-composer .problem"))
                .hasText("The template order_update needs a value for {{2}}.");

        pane.locator("fieldset[data-template='order_update|en_US'] input[name=variable]")
                .nth(1)
                .fill("#5512");
        assertThat(preview).hasText("Hi Pablo, your order #5512 has an update.");
        Browser.screenshot(page, "composer-template-picker");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send template"))
                .click();
        assertThat(pane.locator(".message.from-team")).containsText("Hi Pablo, your order #5512 has an update.");

        pane.locator("#template-choice").selectOption("still_on_it|en_US");
        assertThat(preview).hasText("We are still on it.");
    }

    @Test
    void anAgentHidesAPublicCommentAndUnhidesIt() {
        var customer = "c-" + UUID.randomUUID().toString().substring(0, 8);
        long id = customerWrites(customer, "comment-" + customer, false, Instant.now());
        var page = browser.signInAsAgent(browser.window());
        page.navigate("/inbox/" + id);
        var comment = page.locator("#pane .message.from-customer").first();

        comment.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Hide"))
                .click();
        assertThat(comment.locator(".badge.hidden-comment")).hasText("Hidden");
        Browser.screenshot(page, "composer-comment-hidden");
        comment.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Unhide"))
                .click();
        assertThat(comment.locator(".badge.hidden-comment")).hasCount(0);
        assertThat(comment.getByRole(
                        AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Hide")))
                .isVisible();

        var refusedId = "refuse-" + customer;
        long refusedIn = customerWrites("r" + customer, refusedId, false, Instant.now());
        page.navigate("/inbox/" + refusedIn);
        var refused = page.locator("#pane .message.from-customer").first();
        refused.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Hide"))
                .click();
        assertThat(refused.locator(".problem")).hasText("Chatline refused: this comment cannot be hidden (code 100)");

        // A live change to the conversation refreshes the pane; the reason stays on screen.
        page.evaluate("() => { document.getElementById('conv-live').dataset.before = 'refresh';"
                + " document.dispatchEvent(new CustomEvent('htmx:sseOpen')); }");
        page.waitForFunction("() => document.getElementById('conv-live').dataset.before !== 'refresh'");
        assertThat(page.locator("#pane .message.from-customer").first().locator(".problem"))
                .hasText("Chatline refused: this comment cannot be hidden (code 100)");
    }

    private long customerWrites(String customer, String messageId, boolean isPrivate, Instant at) {
        var network = new HeardClient(port);
        var body = TestNetworks.messageAt("help@chatline", messageId, customer, "Pablo", "Hello?", isPrivate, at);
        var response = network.send(HttpRequest.newBuilder(URI.create(network.base() + "/hooks/chatline"))
                .header("Content-Type", "application/json")
                .header("X-Test-Network", TestNetworks.CHATLINE)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var agent = new HeardClient(port).asAdmin();
        return agent.conversationOf(customer);
    }
}
