package org.heard.triage.hours;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.util.Map;
import org.heard.Browser;
import org.heard.HeardClient;
import org.heard.IntegrationTest;
import org.heard.MovableClock;
import org.heard.conversations.ConversationTriage;
import org.heard.triage.pipeline.ServiceLevels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** A supervisor on the hours page sees a missed service level the moment it is missed, without reloading. */
@IntegrationTest
class ServiceLevelAlertsBrowserIntegrationTests {

    static final String QUEUE = "sla-browser";

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConversationTriage triage;

    @Autowired
    ServiceLevels serviceLevels;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MovableClock clock;

    @Autowired
    ServiceLevelWatcher watcher;

    TriageScene scene;

    @AfterEach
    void putBack() {
        clock.reset();
        if (scene != null) {
            scene.stopRouting();
        }
        jdbc.sql("delete from triage_service_level_policies where scope = 'QUEUE' and scope_value = ?")
                .param(QUEUE)
                .update();
    }

    @Test
    void aBreachAppearsAsAToastLinkingToTheConversation() {
        scene = new TriageScene(port, jdbc, triage, serviceLevels, transactions);
        scene.queue(QUEUE);
        var policy = HoursRequests.send(
                new HeardClient(port).asAdmin(),
                "POST",
                "/api/triage/service-levels",
                Map.of(
                        "name",
                        "Browser",
                        "scope",
                        "QUEUE",
                        "scopeValue",
                        QUEUE,
                        "firstResponse",
                        "5m",
                        "nextResponse",
                        "5m",
                        "businessHours",
                        false));
        assertThat(policy.status()).as(policy.body()).isEqualTo(201);
        var supervisor = browser.signInAsAgent(browser.window());
        supervisor.navigate("/triage/hours");
        assertThat(supervisor.getByRole(
                        AriaRole.HEADING,
                        new com.microsoft.playwright.Page.GetByRoleOptions().setName("Hours and service levels")))
                .isVisible();
        supervisor.waitForFunction("() => true");

        var person = TriageScene.person();
        scene.routeTo(QUEUE);
        var written = scene.writes(person, "@heardbrand my order never came", false);
        clock.moveForward(Duration.ofMinutes(6));
        watcher.sweep();

        var toast = supervisor
                .locator(".triage-toast")
                .filter(new com.microsoft.playwright.Locator.FilterOptions()
                        .setHasText("Conversation #" + written.conversationId() + " "));
        assertThat(toast)
                .containsText("Conversation #" + written.conversationId() + " missed its first response (due ");
        assertThat(toast.getByRole(AriaRole.LINK)).hasAttribute("href", "/inbox/" + written.conversationId());
        Browser.screenshot(supervisor, "triage-alert-toast");
    }

    @Test
    void theHoursPageFitsAPhone() {
        var phone = browser.phone();
        browser.signInAsAgent(phone);
        phone.navigate("/triage/hours");
        assertThat(phone.getByLabel("Time zone")).hasValue("UTC");
        var width = (Number) phone.evaluate("() => document.documentElement.scrollWidth");
        assertThat(width.intValue()).isLessThanOrEqualTo(390);
        Browser.screenshot(phone, "triage-hours-phone");
    }
}
