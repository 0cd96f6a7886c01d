package org.heard.triage.rules;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Map;
import java.util.UUID;
import org.heard.Browser;
import org.heard.HeardClient;
import org.heard.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A supervisor writes a triage rule in Chromium, tries it on a sample message, and saves it. */
@IntegrationTest
class TriageRulesBrowserIntegrationTests {

    private static final String PASSWORD = "a-long-enough-password";

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    RuleEngine engine;

    /** Rules apply to every message Heard triages; the next test class must not meet these. */
    @org.junit.jupiter.api.AfterEach
    void forgetTheRules() {
        jdbc.sql("delete from triage_rules").update();
        engine.refresh();
    }

    @Test
    void aSupervisorTriesARuleOnASampleSeesItMatchSavesItAndFindsItInTheListAndTheAudit() {
        var supervisor = "Sky Supervisor " + unique();
        var page = signIn(browser.window(), supervisor);
        var name = "Double charges " + unique();

        page.navigate("/triage/rules");
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(name);
        page.getByLabel("Text contains any of").fill("refund, money back");
        page.getByLabel("charged-twice", new Page.GetByLabelOptions().setExact(true))
                .check();
        page.getByLabel("Add tags").fill("billing");
        page.getByLabel("Priority at least").selectOption("high");
        page.getByLabel("Sample message").fill("You charged me twice and I want a refund!");

        var trial = page.locator("#rule-trial");
        assertThat(trial.locator(".verdict")).hasText("✓ Matches: this rule would apply.");
        assertThat(trial.locator(".checks li.held")).hasCount(2);
        assertThat(trial).containsText("Tagged billing");
        assertThat(trial).containsText("Priority at least 60");
        Browser.screenshot(page, "triage-rules-trial-matches");

        page.getByLabel("Sample message").fill("Thanks, that was quick");
        assertThat(trial.locator(".verdict")).hasText("✗ Does not match: this rule would do nothing.");
        assertThat(trial.locator(".checks li.failed")).hasCount(2);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save rule"))
                .click();

        assertThat(page.locator(".notice")).containsText("Saved “" + name + "”");
        var card = page.locator(".rule-card").filter(new Locator.FilterOptions().setHasText(name));
        assertThat(card).containsText("Text contains “refund” or “money back”");
        assertThat(card).containsText("Signal charged-twice present");
        assertThat(card).containsText("Tag billing");
        assertThat(page.locator(".audit > li").first()).containsText(supervisor + " created “" + name + "”");
        Browser.screenshot(page, "triage-rules-saved");
    }

    @Test
    void aSupervisorMovesARuleUpSwitchesItOffAndDeletesItAfterConfirming() {
        var supervisor = "Max Supervisor " + unique();
        var page = signIn(browser.window(), supervisor);
        var api = new HeardClient(port).asAdmin();
        var name = "Late parcels " + unique();
        api.post(
                "/api/triage/rules",
                Map.of(
                        "name",
                        "Earlier " + unique(),
                        "conditions",
                        Map.of("words", java.util.List.of("parcel")),
                        "actions",
                        Map.of("tags", java.util.List.of("parcel"))));
        api.post(
                "/api/triage/rules",
                Map.of(
                        "name",
                        name,
                        "conditions",
                        Map.of("words", java.util.List.of("late")),
                        "actions",
                        Map.of("tags", java.util.List.of("late"))));
        page.navigate("/triage/rules");
        var card = page.locator(".rule-card").filter(new Locator.FilterOptions().setHasText(name));

        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Move " + name + " up"))
                .click();
        assertThat(page.locator(".audit > li").first()).containsText(supervisor + " reordered the rules");
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Switch off"))
                .click();
        assertThat(card.locator(".badge")).hasText("Off");
        assertThat(page.locator(".audit > li").first()).containsText(supervisor + " disabled “" + name + "”");

        card.getByText("Delete…").click();
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Yes, delete"))
                .click();

        assertThat(card).hasCount(0);
        assertThat(page.locator(".audit > li").first()).containsText(supervisor + " deleted “" + name + "”");
        assertThat(browser.dialogs()).isEmpty();
    }

    @Test
    void theRulesPageFitsAPhone() {
        var page = signIn(browser.phone(), "Pat Phone " + unique());
        page.navigate("/triage/rules");
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Phone rule " + unique());
        page.getByLabel("Text contains any of").fill("broken");
        page.getByLabel("Sample message").fill("My phone is broken");

        assertThat(page.locator("#rule-trial .verdict")).hasText("✓ Matches: this rule would apply.");
        var width = (Number) page.evaluate("document.documentElement.scrollWidth");
        assertThat(width.intValue()).isLessThanOrEqualTo(390);
        Browser.screenshot(page, "triage-rules-phone");
    }

    private Page signIn(Page page, String supervisorName) {
        var email = "supervisor-" + UUID.randomUUID() + "@example.com";
        var created = new HeardClient(port)
                .asAdmin()
                .post(
                        "/api/admin/users",
                        Map.of("email", email, "name", supervisorName, "password", PASSWORD, "role", "SUPERVISOR"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        page.navigate("/login");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        page.waitForURL("**/inbox");
        return page;
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
