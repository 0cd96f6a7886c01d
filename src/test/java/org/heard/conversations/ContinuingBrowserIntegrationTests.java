package org.heard.conversations;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.heard.Browser;
import org.heard.HeardClient;
import org.heard.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An agent in the pane links the customer's profile on another network, then continues a public
 * conversation privately, or on that other network from a phone.
 */
@IntegrationTest
class ContinuingBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void anAgentLinksTheCustomersOtherProfileAndContinuesThePublicConversationPrivately() {
        var handle = persona();
        long id = publicConversation(handle, "@heardbrand the refund for order 5512 never came");
        var mailer = persona();
        postboxProfile(mailer, "María on postbox");
        var page = browser.signInAsAgent(browser.window());
        page.navigate("/inbox/" + id);
        var pane = page.locator("#pane");

        pane.getByText("Link a profile").click();
        page.getByLabel("Search profiles by handle or name").fill(mailer);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Link postbox María on postbox"))
                .click();
        var alsoOn = pane.locator(".also-on");
        assertThat(alsoOn).containsText("@" + mailer);
        assertThat(alsoOn).containsText("linked by");

        pane.getByText("Continue privately / elsewhere").click();
        var privately = page.getByLabel("Privately on sandbox");
        assertThat(privately).isChecked();
        assertThat(page.locator("#continue-note"))
                .hasValue("We've sent you a private message so we can sort this out together.");
        page.locator("#continue-text").fill("Hi! Which card did you pay with?");
        Browser.screenshot(page, "continue-desktop-form");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Continue").setExact(true))
                .click();

        var marker = pane.locator(".thread .continued");
        assertThat(marker).containsText("Continued privately");
        assertThat(marker).containsText("by ");
        assertThat(pane.locator(".conv-title")).containsText("private messages");
        assertThat(pane.locator(".composer input[value=public]")).hasCount(0);
        assertThat(pane.locator(".message.from-team.is-private")).containsText("Which card did you pay with?");
        assertThat(pane.locator(".message.from-team").first().locator(".delivery"))
                .containsText("Sent");
        Browser.screenshot(page, "continue-desktop-done");
    }

    @Test
    void onAPhoneAnAgentContinuesOnTheCustomersLinkedProfileOnAnotherNetwork() {
        var handle = persona();
        long id = publicConversation(handle, "@heardbrand my invoice shows the wrong address");
        var mailer = persona();
        long identity = postboxProfile(mailer, "Lena on postbox");
        var agent = new HeardClient(port).asAdmin();
        // Her earlier message there is answered; with it still open, the conversation would go on in it.
        agent.post("/api/conversations/" + awaitConversation(mailer) + "/status", Map.of("status", "RESOLVED"));
        long contact = agent.get("/api/conversations/" + id)
                .json()
                .get("customer")
                .get("contactId")
                .asLong();
        assertThat(agent.post("/api/contacts/" + contact + "/links", Map.of("identityId", identity))
                        .status())
                .isEqualTo(201);
        var page = browser.signInAsAgent(browser.phone());
        page.navigate("/inbox/" + id);
        var pane = page.locator("#pane");

        pane.getByText("Continue privately / elsewhere").click();
        page.getByLabel("On postbox, @" + mailer).check();
        assertThat(page.locator("#continue-note")).hasValue("We've sent you a message on postbox to sort this out.");
        page.locator("#continue-text").fill("Hi Lena, I have fixed the address on the invoice.");
        assertFitsTheScreenWidth(page);
        Browser.screenshot(page, "continue-phone-form");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Continue").setExact(true))
                .click();

        assertThat(pane.locator(".thread .continued")).containsText("Continued on postbox");
        assertThat(pane.locator(".message.is-private")).containsText("Hi Lena, I have fixed the address");
        // The earlier messages say the network they were on.
        assertThat(pane.locator(".message.from-customer .badge.channel")).hasText("sandbox");
        assertFitsTheScreenWidth(page);
        Browser.screenshot(page, "continue-phone-done");
    }

    private long publicConversation(String handle, String text) {
        var network = new HeardClient(port);
        var created = network.post("/api/sandbox/posts", Map.of("author", handle, "text", text));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return awaitConversation(handle);
    }

    private long postboxProfile(String mailer, String name) {
        var network = new HeardClient(port);
        var body = TestNetworks.message("help@heard", "m-" + mailer, mailer, name, "Hello", true, null);
        var response = network.send(HttpRequest.newBuilder(URI.create(network.base() + "/hooks/postbox"))
                .header("Content-Type", "application/json")
                .header("X-Test-Network", TestNetworks.POSTBOX)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        long conversation = awaitConversation(mailer);
        return new HeardClient(port)
                .asAdmin()
                .get("/api/conversations/" + conversation)
                .json()
                .get("customer")
                .get("identityId")
                .asLong();
    }

    private long awaitConversation(String handle) {
        var agent = new HeardClient(port).asAdmin();
        return await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> agent.allConversations("status=all").stream()
                                .filter(row ->
                                        handle.equals(row.get("customerHandle").asString()))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow()
                .get("id")
                .asLong();
    }

    private static void assertFitsTheScreenWidth(Page page) {
        assertThat(page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                .as("nothing sticks out sideways on a phone")
                .isEqualTo(true);
    }

    private static String persona() {
        return "p" + UUID.randomUUID().toString().substring(0, 8);
    }
}
