package org.heard.replies;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.UUID;
import org.heard.Browser;
import org.heard.HeardClient;
import org.heard.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The conversation keeps its room in the pane: it opens at the newest message, and opening a composer tool (saved
 * replies, continue elsewhere, send later) or getting a refusal leaves the newest customer message in view and the
 * thread at least half of the pane's height on a 1280×800 screen. On a phone, the newest message is in view too.
 */
@IntegrationTest
class PaneRoomBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    SandboxCustomers customers;
    String newest;
    long conversation;

    @BeforeEach
    void aCustomerHasWrittenALongThread() {
        customers = new SandboxCustomers(new HeardClient(port), new HeardClient(port).asAdmin(), jdbc);
        newest = "And now the tracking page says returned to sender " + UUID.randomUUID();
        conversation = customers.thread(
                "Nia Okafor",
                "@heardbrand my parcel never arrived",
                "It was due on Monday and I paid for next-day delivery",
                "The order number is 4471 if that helps",
                "I have been home all week and nobody came to the door",
                "Still nothing today, and nobody answers the phone line",
                newest);
    }

    @Test
    void atADesktopTheNewestMessageStaysInViewWithEachComposerToolOpen() {
        var page = browser.signInAsAgent(browser.window());
        page.navigate("/inbox/" + conversation);
        var pane = page.locator("#pane");
        var latest = newestMessage(page);
        assertThat(latest).isInViewport(whole());
        var shares = new StringBuilder("thread share of the pane at 1280×800: closed ").append(threadShare(page));
        assertThat(threadShare(page)).isGreaterThanOrEqualTo(0.5);

        for (var tool : List.of("Saved replies", "Continue privately / elsewhere", "Note", "Send later")) {
            var summary = pane.locator("summary").filter(new Locator.FilterOptions().setHasText(tool));
            summary.click();
            assertThat(summary.locator("xpath=..")).hasAttribute("open", "");
            assertThat(latest).isInViewport(whole());
            var share = threadShare(page);
            shares.append(", ").append(tool).append(' ').append(share);
            assertThat(share).as("thread share with %s open", tool).isGreaterThanOrEqualTo(0.5);
            Browser.screenshot(page, "pane-room-" + tool.toLowerCase().replaceAll("[^a-z]+", "-"));
            summary.click();
        }

        pane.locator("#reply-text").fill("Is it the card 4242 4242 4242 4242? I'll look now.");
        pane.getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Send").setExact(true))
                .click();
        assertThat(pane.locator(".composer > .problem")).containsText("payment card number");
        assertThat(newestMessage(page)).isInViewport(whole());
        shares.append(", refusal ").append(threadShare(page));
        assertThat(threadShare(page)).isGreaterThanOrEqualTo(0.5);
        Browser.screenshot(page, "pane-room-refusal");
        System.out.println(shares);
    }

    @Test
    void onAPhoneTheConversationOpensAtItsNewestMessage() {
        var phone = browser.signInAsAgent(browser.phone());
        phone.navigate("/inbox/" + conversation);

        assertThat(newestMessage(phone)).isInViewport(whole());
        assertThat(phone.locator("#reply-text")).isInViewport();
        Browser.screenshot(phone, "pane-room-phone");

        for (var tool : List.of("Saved replies", "Continue privately / elsewhere", "Note", "Send later")) {
            var summary = phone.locator("#pane summary").filter(new Locator.FilterOptions().setHasText(tool));
            summary.click();
            assertThat(summary.locator("xpath=..")).hasAttribute("open", "");
            assertThat(newestMessage(phone)).isInViewport();
            Browser.screenshot(phone, "pane-room-phone-" + tool.toLowerCase().replaceAll("[^a-z]+", "-"));
            var width = (Number) phone.evaluate("() => document.documentElement.scrollWidth");
            assertThat(width.intValue()).as("page width with %s open", tool).isLessThanOrEqualTo(390);
            summary.click();
        }
    }

    private Locator newestMessage(Page page) {
        return page.locator("#pane .message").filter(new Locator.FilterOptions().setHasText(newest));
    }

    private static LocatorAssertions.IsInViewportOptions whole() {
        return new LocatorAssertions.IsInViewportOptions().setRatio(1);
    }

    /**
     * How much of the pane's height shows the thread: the part of the messages list inside the conversation's scrolled
     * area and not under its sticky top (who, why, actions).
     */
    private static double threadShare(Page page) {
        var share = (Number) page.evaluate("""
                () => {
                  const live = document.getElementById('conv-live').getBoundingClientRect();
                  const top = document.querySelector('#conv-live .conv-top').getBoundingClientRect();
                  const thread = document.querySelector('#conv-live .thread').getBoundingClientRect();
                  const pane = document.querySelector('#pane .pane-main').getBoundingClientRect();
                  const shown = Math.min(live.bottom, thread.bottom) - Math.max(live.top, top.bottom, thread.top);
                  return Math.round(Math.max(0, shown) / pane.height * 100) / 100;
                }""");
        return share.doubleValue();
    }
}
