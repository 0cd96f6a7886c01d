package org.heard.triage.hours;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A supervisor's service-level alerts live in one button in the top bar: it counts the customers past or close to a
 * target the moment a clock runs out, without reloading, and opens a board by queue that leads to each conversation.
 * The board covers nothing until asked for; a queue in hand can be muted for the shift.
 */
@IntegrationTest
class ServiceLevelAlertsBrowserIntegrationTests {

    static final String QUEUE = "sla-browser";
    static final String PASSWORD = "a-long-password-1";

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

    @BeforeEach
    void aQueueWithAFiveMinuteTarget() {
        scene = new TriageScene(port, jdbc, triage, serviceLevels, transactions);
        scene.queue(QUEUE);
        var policy = HoursRequests.send(
                new HeardClient(port).asAdmin(),
                "POST",
                "/api/triage/service-levels",
                Map.of(
                        "name", "Browser",
                        "scope", "QUEUE",
                        "scopeValue", QUEUE,
                        "firstResponse", "5m",
                        "nextResponse", "5m",
                        "businessHours", false));
        assertThat(policy.status()).as(policy.body()).isEqualTo(201);
    }

    @AfterEach
    void putBack() {
        clock.reset();
        scene.stopRouting();
    }

    @Test
    void aMissedTargetLightsTheSupervisorsButtonAndItsBoardOpensTheConversation() {
        var supervisor = browser.signInAsAgent(browser.window());
        var button = button(supervisor);
        assertThat(button).containsText("On time");
        supervisor.evaluate("() => { window.sameDocument = true; }");

        var person = TriageScene.person();
        var written = missesItsTarget(person, "@heardbrand my order never came");

        assertThat(button).containsText("1 missed");
        assertThat(board(supervisor)).isHidden();
        assertThat(supervisor.evaluate("() => window.sameDocument === true")).isEqualTo(true);

        button.click();
        var board = board(supervisor);
        assertThat(board).isVisible();
        assertThat(board.locator(".sla-queue h3")).hasText(QUEUE);
        assertThat(board.locator(".sla-counts")).hasText("1 missed first response");
        var entry = board.getByRole(AriaRole.LINK).filter(new Locator.FilterOptions().setHasText(person));
        assertThat(entry).containsText("First response 1 min overdue");
        Browser.screenshot(supervisor, "triage-alert-board");

        entry.click();

        supervisor.waitForURL("**/inbox/" + written.conversationId());
        assertThat(thread(supervisor)).containsText("my order never came");
    }

    @Test
    void theBoardClosesWithEscapeOrAClickElsewhereAndCoversNoneOfThePane() {
        var supervisor = browser.signInAsAgent(browser.window());
        var person = TriageScene.person();
        var written = missesItsTarget(person, "@heardbrand the app will not let me log in");
        supervisor.navigate("/inbox/" + written.conversationId());
        var button = button(supervisor);
        assertThat(button).containsText("1 missed");

        // Closed, it takes no room over the conversation: the pane's actions are what a click there reaches.
        assertThat(supervisor
                        .locator("#pane")
                        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Resolve")))
                .isVisible();
        assertThat(supervisor.evaluate("""
                        () => [...document.querySelectorAll('#pane .conv-actions button')].every(b => {
                          const box = b.getBoundingClientRect();
                          return b.contains(document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2));
                        })""")).isEqualTo(true);

        button.click();
        assertThat(board(supervisor)).isVisible();
        supervisor.keyboard().press("Escape");
        assertThat(board(supervisor)).isHidden();
        assertThat(button).isFocused();

        button.click();
        assertThat(board(supervisor)).isVisible();
        supervisor.getByPlaceholder("Search messages").click();
        assertThat(board(supervisor)).isHidden();
    }

    @Test
    void aSupervisorMutesAQueueForTheShiftWhileAColleagueStillSeesItAndAgentsSeeNoAlerts() {
        var admin = new HeardClient(port).asAdmin();
        var supervisor = browser.signInAsAgent(browser.window());
        var colleague = browser.signIn(browser.window(), person(admin, "Sol Supervisor", "SUPERVISOR"), PASSWORD);
        var agent = browser.signIn(browser.window(), person(admin, "Ava Agent", "AGENT"), PASSWORD);
        missesItsTarget(TriageScene.person(), "@heardbrand I was charged twice");
        var button = button(supervisor);
        assertThat(button).containsText("1 missed");

        button.click();
        board(supervisor)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mute " + QUEUE + " for this shift"))
                .click();

        assertThat(button).containsText("On time");
        assertThat(board(supervisor)).isVisible();
        assertThat(board(supervisor).locator(".sla-queue")).containsText("Muted until ");
        assertThat(board(supervisor).locator(".sla-list")).hasCount(0);
        assertThat(button(colleague)).containsText("1 missed");
        assertThat(agent.locator(".sla-button")).hasCount(0);

        supervisor.reload();
        assertThat(button(supervisor)).containsText("On time");
        button(supervisor).click();
        board(supervisor)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Unmute " + QUEUE))
                .click();

        assertThat(button(supervisor)).containsText("1 missed");
        assertThat(board(supervisor).locator(".sla-list li")).hasCount(1);
    }

    @Test
    void onAPhoneTheBoardFitsTheScreen() {
        var phone = browser.phone();
        browser.signInAsAgent(phone);
        missesItsTarget(TriageScene.person(), "@heardbrand still no parcel");
        var button = button(phone);
        assertThat(button).containsText("1 missed");

        button.click();

        var box = board(phone).boundingBox();
        assertThat(box.x).isGreaterThanOrEqualTo(0);
        assertThat(box.x + box.width).isLessThanOrEqualTo(390);
        Browser.screenshot(phone, "triage-alert-board-phone");
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

    /** A customer in the queue writes, and their first-response target runs out a minute ago. */
    private TriageScene.Written missesItsTarget(String person, String said) {
        scene.routeTo(QUEUE);
        var written = scene.writes(person, said, false);
        clock.moveForward(Duration.ofMinutes(6));
        watcher.sweep();
        return written;
    }

    private static Locator thread(Page page) {
        return page.locator("#pane").getByRole(AriaRole.LIST, new Locator.GetByRoleOptions().setName("Messages"));
    }

    private static Locator button(Page page) {
        return page.locator(".sla-button");
    }

    private static Locator board(Page page) {
        return page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Service-level alerts"));
    }

    private String person(HeardClient admin, String name, String role) {
        return admin.addColleague(name, role, PASSWORD);
    }
}
