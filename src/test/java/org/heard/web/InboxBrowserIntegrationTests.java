package org.heard.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import java.util.UUID;
import org.heard.Browser;
import org.heard.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The spine, seen by the two people at its ends: a customer on the sandbox network and an agent in the
 * live inbox, each in their own Chromium window, with neither ever reloading.
 */
@IntegrationTest
class InboxBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    void aPublicPostReachesTheOpenInboxLiveAndThePublicReplyReachesTheCustomerLive() {
        var agent = new AgentInbox(browser.signInAsAgent(browser.window()));
        AgentInbox.markWindow(agent.page);
        var customer = new SandboxCustomer(browser.window()).open();
        AgentInbox.markWindow(customer.page);
        var post = "@heardbrand my parcel " + unique() + " says delivered but it is not here";

        customer.post("aiko", post);

        assertThat(agent.row(post)).isVisible();
        assertThat(agent.row(post)).containsText("Aiko Tanaka");
        assertThat(agent.row(post).locator(".badge.public")).hasText("Public");
        AgentInbox.assertNotReloaded(agent.page);
        Browser.screenshot(agent.page, "inbox-new-public-post");

        agent.open(post);
        var reply = "Sorry Aiko, that is worrying. I have asked the courier to check, I will be back within the hour. Ana";
        agent.replyBox().fill(reply);
        agent.replyBox().press("Control+Enter");
        agent.waitUntilSent(reply);
        Browser.screenshot(agent.page, "inbox-public-reply-sent");

        var brandReply = customer.thread(post).locator(".replies .sandbox-post.by-brand");
        assertThat(brandReply).containsText(reply);
        assertThat(brandReply).containsText("Heard Demo Brand");
        AgentInbox.assertNotReloaded(customer.page);
        Browser.screenshot(customer.page, "sandbox-brand-reply");
    }

    @Test
    void aPrivateMessageBecomesAPrivateConversationAndThePrivateReplyReachesTheCustomersMessages() {
        var agent = new AgentInbox(browser.signInAsAgent(browser.window()));
        AgentInbox.markWindow(agent.page);
        var customer = new SandboxCustomer(browser.window()).open();
        AgentInbox.markWindow(customer.page);
        var message = "Hi, order " + unique() + " was charged twice, can you refund one?";

        customer.message("lena.k", message);

        assertThat(agent.row(message)).isVisible();
        assertThat(agent.row(message).locator(".badge.private")).hasText("Private");
        AgentInbox.assertNotReloaded(agent.page);

        agent.open(message);
        assertThat(agent.page.getByLabel("Private message")).isChecked();
        assertThat(agent.page.getByLabel("Public reply in the thread")).hasCount(0);
        var reply = "Thanks Lena, I can see both payments. I have refunded the second one, it shows in 3 to 5 days.";
        agent.reply(reply);
        Browser.screenshot(agent.page, "inbox-private-reply-sent");

        var brandMessage = customer.privateMessages()
                .locator(".sandbox-post.by-brand")
                .filter(new Locator.FilterOptions().setHasText(reply));
        assertThat(brandMessage).isVisible();
        assertThat(brandMessage).containsText("Lena Kowalski");
        assertThat(customer.timeline()).not().containsText(reply);
        AgentInbox.assertNotReloaded(customer.page);
        Browser.screenshot(customer.page, "sandbox-private-reply");
    }

    static String unique() {
        return "#" + UUID.randomUUID().toString().substring(0, 8);
    }
}
