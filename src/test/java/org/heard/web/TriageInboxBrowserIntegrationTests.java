package org.heard.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.heard.Browser;
import org.heard.HeardClient;
import org.heard.IntegrationTest;
import org.heard.MovableClock;
import org.heard.SandboxPayloads;
import org.heard.triage.hours.ServiceLevelWatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The inbox as triage shapes it: each row says how much it matters and why, and when a response is
 * due; a missed first response reaches the supervisor at once and moves the conversation up; two
 * agents in one conversation see each other.
 */
@IntegrationTest
class TriageInboxBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Autowired
    ServiceLevelWatcher watcher;

    @AfterEach
    void putTimeBack() {
        clock.reset();
    }

    @Test
    void aComplaintShowsItsPriorityReasonAndCountdownAndItsBreachReachesTheSupervisorLive() {
        var tag = UUID.randomUUID().toString().substring(0, 8);
        var supervisor = new AgentInbox(browser.signInAsAgent(browser.window()));
        AgentInbox.markWindow(supervisor.page);

        post(tag, "@heardbrand I was charged twice for my order and want a refund " + tag);

        var row = supervisor.row(tag);
        assertThat(row.locator(".badge.priority")).hasText("high");
        assertThat(row.locator(".reason")).containsText("complaint");
        assertThat(row.locator(".reason")).containsText("charged twice");
        assertThat(row.locator(".due")).containsText("first response in");

        clock.moveForward(Duration.ofHours(2));
        watcher.sweep();

        var alerts = supervisor.page.locator(".sla-button");
        assertThat(alerts).containsText("1 missed");
        alerts.click();
        assertThat(supervisor.page.locator(".sla-list a")).containsText("First response 1 h overdue");
        assertThat(row.locator(".reason")).containsText("first response overdue");
        AgentInbox.assertNotReloaded(supervisor.page);
        Browser.screenshot(supervisor.page, "triage-inbox-breach");
    }

    @Test
    void twoAgentsInOneConversationSeeEachOtherViewingAndTyping() {
        var tag = UUID.randomUUID().toString().substring(0, 8);
        var admin = new HeardClient(port).asAdmin();
        var email = "ben-" + tag + "@example.com";
        assertThat(admin.post(
                                "/api/admin/users",
                                Map.of(
                                        "email",
                                        email,
                                        "name",
                                        "Ben " + tag,
                                        "password",
                                        "a-long-enough-password",
                                        "role",
                                        "AGENT"))
                        .status())
                .isEqualTo(201);
        post(tag, "@heardbrand where is my parcel? " + tag);

        var ana = new AgentInbox(browser.signInAsAgent(browser.window())).open(tag);
        var ben = new AgentInbox(signIn(browser.window(), email)).open(tag);

        assertThat(ana.page.locator("#viewers")).containsText("Ben " + tag + " is viewing");
        ben.replyBox().pressSequentially("Sorry about");
        assertThat(ana.page.locator("#viewers")).containsText("Ben " + tag + " is typing a reply");
        assertThat(ben.page.locator("#viewers")).containsText("is viewing");
    }

    private static Page signIn(Page page, String email) {
        page.navigate("/login");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill("a-long-enough-password");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        page.waitForURL("**/inbox");
        return page;
    }

    private void post(String tag, String text) {
        var body = SandboxPayloads.post("triage-" + tag, "id-" + tag, "customer-" + tag, text, null, false);
        assertThat(new HeardClient(port).signedSandboxWebhook(body).status()).isEqualTo(200);
    }
}
