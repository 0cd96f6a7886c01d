package org.heard.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.heard.Browser;
import org.heard.HeardClient;
import org.heard.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Customers write anything, markup included, and Heard shows it as the text they wrote: in the inbox
 * list, in the conversation and on the sandbox timeline. The windows ignore Heard's Content Security
 * Policy on purpose, so that these tests catch a missing escape and not merely a blocked script.
 */
@IntegrationTest
class CustomerTextEscapingBrowserIntegrationTests {

    private static final String SCRIPT = "<script>window.__xss=1</script>";
    private static final String IMAGE = "<img src=x onerror=\"window.__xss=1\">";
    private static final String HTMX = "<b hx-get=\"/logout\" hx-trigger=\"load\">bold</b>";

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void markupPostedFromTheSandboxPageIsShownAsTextEverywhere() {
        var agent = new AgentInbox(browser.signInAsAgent(browser.window(o -> o.setBypassCSP(true))));
        var customer = new SandboxCustomer(browser.window(o -> o.setBypassCSP(true))).open();
        var text = "@heardbrand " + SCRIPT + " " + HTMX + " " + unique();

        customer.post("sam_r", text);

        assertThat(agent.row(text)).isVisible();
        agent.open(text);
        assertShownAsText(agent.page, text, agent.row(text), agent.thread());
        assertShownAsText(customer.page, text, customer.thread(text));
        Browser.screenshot(agent.page, "escaping-inbox");
        Browser.screenshot(customer.page, "escaping-sandbox");
    }

    @Test
    void markupPostedThroughTheSandboxApiIsShownAsTextEverywhere() {
        var agent = new AgentInbox(browser.signInAsAgent(browser.window(o -> o.setBypassCSP(true))));
        var text = IMAGE + " @heardbrand where is my refund? " + unique();

        var created = new HeardClient(port).post("/api/sandbox/posts", Map.of("author", "tom.builds", "text", text));
        assertThat(created.status()).isEqualTo(201);

        assertThat(agent.row(text)).isVisible();
        agent.open(text);
        var customer = new SandboxCustomer(browser.window(o -> o.setBypassCSP(true))).open();
        assertShownAsText(agent.page, text, agent.row(text), agent.thread());
        assertShownAsText(customer.page, text, customer.thread(text));
    }

    @Test
    void markupInAPrivateMessageIsShownAsText() {
        var agent = new AgentInbox(browser.signInAsAgent(browser.window(o -> o.setBypassCSP(true))));
        var customer = new SandboxCustomer(browser.window(o -> o.setBypassCSP(true))).open();
        var text = IMAGE + " my card ends " + unique() + " " + SCRIPT;

        customer.message("maria_g", text);

        assertThat(agent.row(text)).isVisible();
        agent.open(text);
        assertShownAsText(agent.page, text, agent.row(text), agent.thread());
        assertShownAsText(customer.page, text, customer.privateMessages());
    }

    private static void assertShownAsText(Page page, String text, Locator... regions) {
        for (var region : regions) {
            assertThat(region).containsText(text);
            assertThat(region.locator("script, img, b, [onerror], [hx-get]")).hasCount(0);
        }
        assertThat(page.evaluate("() => typeof window.__xss")).isEqualTo("undefined");
        assertThat(page.evaluate("() => document.querySelectorAll('img[src=\"x\"], [onerror], b[hx-get]').length"))
                .isEqualTo(0);
        assertThat(browser.dialogs()).isEqualTo(List.of());
    }

    static String unique() {
        return "#" + UUID.randomUUID().toString().substring(0, 8);
    }
}
