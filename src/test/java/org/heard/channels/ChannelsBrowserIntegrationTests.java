package org.heard.channels;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.heard.Browser;
import org.heard.HeardClient;
import org.heard.IntegrationTest;
import org.heard.channels.testnet.TestnetAccounts;
import org.heard.channels.testnet.TestnetAccounts.Account;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An admin connects a Testnet account on the Channels page in Chromium, on a desk and on a phone. */
@IntegrationTest
class ChannelsBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    WireMockServer testnetApi;

    @Test
    void anAdminConnectsAnAccountAndSeesItsWebhookUrlAndVerifyToken() {
        var account = Account.fresh();
        new TestnetAccounts(new HeardClient(port), testnetApi).exists(account);
        var page = browser.signInAsAgent(browser.window());

        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Channels").setExact(true))
                .click();
        var section = page.locator("#channel-testnet");
        var form = section.locator("details.connect");
        openConnectForm(section);
        form.getByLabel("Access token").fill("wrong-token");
        connect(section);
        assertThat(section.locator(".problem").filter(new Locator.FilterOptions().setHasText("Unknown access token")))
                .hasText("Testnet says: Unknown access token");
        Browser.screenshot(page, "channels-refused");

        form.getByLabel("Access token").fill(account.token());
        form.getByLabel("Workspace").fill("acme");
        connect(section);

        assertThat(section.locator(".notice")).hasText("Connected " + account.name() + ".");
        var card = section.locator(".account").filter(new Locator.FilterOptions().setHasText(account.name()));
        assertThat(card.locator(".account-status")).hasText("Connected");
        assertThat(card.locator(".webhook-url"))
                .hasText(Pattern.compile(
                        "^" + browser.base().replace(".", "\\.") + "/hooks/testnet/[A-Za-z0-9_-]{43}$"));
        assertThat(card.locator(".verify-token")).hasText(Pattern.compile("^[A-Za-z0-9_-]{32}$"));
        assertThat(page.locator("body")).not().containsText(account.token());
        Browser.screenshot(page, "channels-connected");

        card.getByText("Disconnect…").click();
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Yes, disconnect"))
                .click();
        assertThat(section.locator(".notice")).containsText("Disconnected " + account.name());
        assertThat(section.locator(".account")
                        .filter(new Locator.FilterOptions().setHasText(account.name()))
                        .locator(".account-status"))
                .hasText("Disconnected");
        page.reload();
        assertThat(page.locator(".channels-audit li").first()).containsText("disconnected " + account.name());
    }

    /** Other tests may have connected accounts already; then the form waits behind its summary. */
    private static void openConnectForm(Locator section) {
        var form = section.locator("details.connect");
        if (!(Boolean) form.evaluate("details => details.open")) {
            form.locator("summary").click();
        }
    }

    private static void connect(Locator section) {
        section.getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Connect").setExact(true))
                .click();
    }

    @Test
    void thePageFitsAPhone() {
        var account = Account.fresh();
        var testnet = new TestnetAccounts(new HeardClient(port).asAdmin(), testnetApi);
        testnet.connect(account);
        var page = browser.signInAsAgent(browser.phone());

        page.navigate("/admin/channels");

        var card = page.locator(".account").filter(new Locator.FilterOptions().setHasText(account.name()));
        assertThat(card.locator(".webhook-url")).isVisible();
        var overflow = (Boolean)
                page.evaluate("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
        org.assertj.core.api.Assertions.assertThat(overflow)
                .as("the page scrolls sideways")
                .isFalse();
        card.scrollIntoViewIfNeeded();
        Browser.screenshot(page, "channels-phone");
    }
}
