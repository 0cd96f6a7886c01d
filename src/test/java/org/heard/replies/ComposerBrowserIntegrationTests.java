package org.heard.replies;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Map;
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

/** In the pane: the guard stops a card number going out in public, and the picker and preview help write a reply. */
@IntegrationTest
class ComposerBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    HeardClient admin;
    SandboxCustomers customers;

    @BeforeEach
    void connect() {
        admin = new HeardClient(port).asAdmin();
        customers = new SandboxCustomers(new HeardClient(port), admin, jdbc);
    }

    @Test
    void aCardNumberInAPublicReplyIsBlockedAndOneClickRepliesPrivatelyInstead() {
        long id = customers.posts("Maria Garcia", "@heardbrand you charged me twice!", false);
        var text = "Is it the card 4242 4242 4242 4242? I'll look now.";
        var page = browser.signInAsAgent(browser.window());
        page.navigate("/inbox/" + id);
        var pane = page.locator("#pane");

        pane.locator("#reply-text").fill(text);
        assertThat(pane.locator("[data-preview-pii]")).containsText("This public reply shows a payment card number");
        send(pane);

        assertThat(pane.locator(".composer > .problem"))
                .hasText("This public reply shows a payment card number (•••• •••• •••• 4242): anyone can read it."
                        + " Take it out, or reply privately instead.");
        assertThat(pane.locator("#reply-text")).hasValue(text);
        assertThat(pane.locator(".message.from-team")).hasCount(0);
        assertThat(customers.onNetwork(text)).isEmpty();
        Browser.screenshot(page, "composer-pii-blocked");

        pane.getByRole(
                        AriaRole.BUTTON,
                        new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Reply privately instead"))
                .click();

        var sent = pane.locator(".message.from-team");
        assertThat(sent).containsText(text);
        assertThat(sent.locator(".badge.private")).hasText("Private");
        assertThat(customers.awaitOnNetwork(text).get("private").asBoolean()).isTrue();
    }

    @Test
    void theAgentPicksASavedReplyByShortcutAndThePreviewShowsWhatIsLeftToFillIn() {
        long id = customers.posts("Chloe Martin", "@heardbrand my parcel is late", false);
        var shortcut = "late" + UUID.randomUUID().toString().substring(0, 6);
        var saved = admin.post(
                "/api/replies/saved",
                Map.of(
                        "title",
                        "Late parcel",
                        "text",
                        "Hi {{first_name}}, so sorry: order {{order}} is on its way.",
                        "shortcut",
                        shortcut,
                        "team",
                        true));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        var page = browser.signInAsAgent(browser.window());
        page.navigate("/inbox/" + id);
        var pane = page.locator("#pane");
        assertThat(pane.locator("#saved-picker")).isVisible();

        page.keyboard().press("s");
        assertThat(page.locator("[data-saved-search]")).isFocused();
        page.keyboard().type(shortcut);
        assertThat(page.locator("#saved-choices .saved-choice")).hasCount(1);
        page.keyboard().press("Enter");

        var reply = pane.locator("#reply-text");
        assertThat(reply).hasValue("Hi Chloe, so sorry: order {{order}} is on its way.");
        assertThat(reply).isFocused();
        assertThat(pane.locator("[data-preview-text] mark.missing-variable")).hasText("{{order}}");
        assertThat(pane.locator("[data-preview-variables]"))
                .hasText("{{order}} is not a variable Heard knows: write the words in its place before sending.");
        assertThat(pane.locator("#reply-counter")).hasText("50 / 500");

        reply.fill("Hi Chloe, so sorry: order 5512 is on its way.");
        assertThat(pane.locator("[data-preview-variables]")).hasCount(0);
        assertThat(pane.locator("[data-preview-text]")).hasText("Hi Chloe, so sorry: order 5512 is on its way.");
        Browser.screenshot(page, "composer-saved-reply-preview");
        var phone = browser.signInAsAgent(browser.phone());
        phone.navigate("/inbox/" + id);
        phone.locator("#reply-text").fill("Hi Chloe, is 07911 123456 your number?");
        assertThat(phone.locator("[data-preview-pii]")).containsText("a phone number");
        Browser.screenshot(phone, "composer-preview-phone");
    }

    @Test
    void anAgentChoosesHowTheirRepliesAreSignedAndTheCustomerReadsIt() {
        var email = admin.addColleague("Bea Okoro", "AGENT", "a-first-password");
        long id = customers.posts("Ada Lovelace", "@heardbrand my order never came", false);
        admin.put("/api/replies/signatures/sandbox", Map.of("style", "FULL_NAME"));
        try {
            var page = browser.signIn(browser.window(), email, "a-first-password");
            page.navigate("/account");
            page.getByLabel("Sign replies as").fill("Bea, Billing team");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save signature"))
                    .click();
            assertThat(page.locator(".notice"))
                    .hasText("Your replies are signed \"Bea, Billing team\" where your team signs with a name.");
            assertThat(page.getByLabel("Sign replies as")).hasValue("Bea, Billing team");

            page.navigate("/inbox/" + id);
            var pane = page.locator("#pane");
            pane.locator("#reply-text").fill("Sorry Ada, I'm on it.");
            assertThat(pane.locator(".preview-label")).containsText("signed — Bea, Billing team (counted)");
            send(pane);
            assertThat(pane.locator(".message.from-team")).containsText("— Bea, Billing team");
            customers.awaitOnNetwork("Sorry Ada, I'm on it.\n— Bea, Billing team");

            page.navigate("/account");
            page.getByLabel("Sign replies as").fill("");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save signature"))
                    .click();
            assertThat(page.locator(".notice")).hasText("Your replies are signed with your name, Bea Okoro.");
            var tooLong = admin.put("/api/me/signature", Map.of("signsAs", "x".repeat(61)));
            assertThat(tooLong.status()).isEqualTo(400);
            assertThat(tooLong.json().get("detail").asString())
                    .isEqualTo("A signature has at most 60 characters; customers read it at the end of every reply.");
        } finally {
            admin.put("/api/replies/signatures/sandbox", Map.of("style", "NONE"));
        }
    }

    @Test
    void theSavedRepliesPageListsAndSavesAnAgentsOwn() {
        var page = browser.signInAsAgent(browser.window());
        page.navigate("/replies/saved");
        var title = "Outage update " + UUID.randomUUID().toString().substring(0, 6);

        page.locator("input[name=title]").fill(title);
        page.locator("textarea[name=text]").fill("Hi {{first_name}}, the outage is fixed. {{agent_first_name}}");
        page.locator("input[name=shortcut]")
                .fill("outage-" + UUID.randomUUID().toString().substring(0, 6));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save reply"))
                .click();

        assertThat(page.locator(".notice")).hasText("Saved \"" + title + "\".");
        assertThat(page.locator(".saved-list")).containsText(title);
        assertThat(page.locator("#signatures")).isVisible();
        Browser.screenshot(page, "replies-saved");
        var phone = browser.signInAsAgent(browser.phone());
        phone.navigate("/replies/saved");
        Browser.screenshot(phone, "replies-saved-phone");
    }

    private static void send(com.microsoft.playwright.Locator pane) {
        pane.getByRole(
                        AriaRole.BUTTON,
                        new com.microsoft.playwright.Locator.GetByRoleOptions()
                                .setName("Send")
                                .setExact(true))
                .click();
    }
}
