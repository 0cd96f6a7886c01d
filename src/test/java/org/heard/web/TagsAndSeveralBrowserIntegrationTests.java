package org.heard.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.heard.Browser;
import org.heard.HeardClient;
import org.heard.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tags from the pane, by mouse and by keyboard, and one change to several conversations from the list: each seen at
 * once in a colleague's open inbox, without a reload.
 */
@IntegrationTest
class TagsAndSeveralBrowserIntegrationTests {

    private static final String PASSWORD = "a-colleague-password";

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    HeardClient admin;

    @BeforeEach
    void signIn() {
        admin = new HeardClient(port).asAdmin();
    }

    @Test
    void anAgentTagsAConversationAndTakesATagOffWhileAColleagueWatchesIt() {
        var post = posts("aiko", "@heardbrand the refund never reached my card");
        var colleague = new AgentInbox(browser.signIn(browser.window(), colleague("Cleo Agent"), PASSWORD)).open(post);
        AgentInbox.markWindow(colleague.page);
        var agent = new AgentInbox(browser.signInAsAgent(browser.window())).open(post);

        agent.pane().getByLabel("Add tags").fill("Refund, #late");
        agent.pane()
                .getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Add").setExact(true))
                .click();

        assertThat(tags(agent)).hasText(new String[] {"#late", "#refund"});
        assertThat(tags(colleague)).hasText(new String[] {"#late", "#refund"});

        agent.pane()
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove tag late"))
                .click();

        assertThat(tags(agent)).hasText(new String[] {"#refund"});
        assertThat(tags(colleague)).hasText(new String[] {"#refund"});
        AgentInbox.assertNotReloaded(colleague.page);

        agent.pane().getByLabel("Add tags").fill("no way!");
        agent.pane().getByLabel("Add tags").press("Enter");
        assertThat(agent.pane().locator(".problem"))
                .hasText("“way!” cannot be a tag: a tag is one word of letters or digits (dashes and underscores"
                        + " inside), up to 40 characters.");
        assertThat(tags(agent)).hasText(new String[] {"#refund"});
    }

    @Test
    void theTKeyTagsBackspaceTakesTheLastTagOffAndThePKeyMarksTheConversationPending() {
        var post = posts("sam_r", "@heardbrand is the store open on Sunday?");
        var colleague = new AgentInbox(browser.signIn(browser.window(), colleague("Dev Agent"), PASSWORD)).open(post);
        AgentInbox.markWindow(colleague.page);
        var agent = new AgentInbox(browser.signInAsAgent(browser.window())).open(post);

        agent.page.keyboard().press("t");
        assertThat(agent.pane().getByLabel("Add tags")).isFocused();
        agent.page.keyboard().type("opening-hours sunday");
        agent.page.keyboard().press("Enter");
        assertThat(tags(agent)).hasText(new String[] {"#opening-hours", "#sunday"});
        assertThat(tags(colleague)).hasText(new String[] {"#opening-hours", "#sunday"});

        // The box keeps the cursor after the tags are added: Backspace in it, empty, takes the last one off.
        assertThat(agent.pane().getByLabel("Add tags")).isFocused();
        agent.page.keyboard().press("Backspace");
        assertThat(tags(agent)).hasText(new String[] {"#opening-hours"});
        assertThat(tags(colleague)).hasText(new String[] {"#opening-hours"});

        agent.page.keyboard().press("Escape");
        agent.page.keyboard().press("p");

        assertThat(agent.status()).hasText("Pending");
        assertThat(colleague.row(post).locator(".badge.status")).hasText("Pending");
        assertThat(colleague.status()).hasText("Pending");
        AgentInbox.assertNotReloaded(colleague.page);
    }

    @Test
    void aButtonPressedTheInstantThePaneIsRedrawnDoesItsActionInPlace() {
        var post = posts("uma", "@heardbrand my voucher code is refused at checkout");
        var agent = new AgentInbox(browser.signInAsAgent(browser.window())).open(post);
        AgentInbox.markWindow(agent.page);
        // The moment the pane's conversation is swapped in (here after a tag is added), Mark pending is pressed.
        agent.page.evaluate("""
                () => document.addEventListener('htmx:afterSwap', function pressed(e) {
                  if (e.detail.target.id !== 'conv-live') return;
                  document.removeEventListener('htmx:afterSwap', pressed);
                  setTimeout(() => document.querySelector('[data-shortcut="p"]').click(), 0);
                })""");

        agent.pane().getByLabel("Add tags").fill("voucher");
        agent.pane().getByLabel("Add tags").press("Enter");

        assertThat(agent.status()).hasText("Pending");
        assertThat(agent.page).not().hasURL(java.util.regex.Pattern.compile(".*status=PENDING.*"));
        AgentInbox.assertNotReloaded(agent.page);
    }

    @Test
    void anAgentSelectsSeveralConversationsAndAssignsTagsAndResolvesThemAtOnce() {
        var tag = UUID.randomUUID().toString().substring(0, 6);
        var posts = new ArrayList<String>();
        for (var who : List.of("nia", "omar", "pia", "quinn")) {
            posts.add(posts(who, "@heardbrand the app crashes on start " + who + " " + tag));
        }
        var colleague = new AgentInbox(browser.signIn(browser.window(), colleague("Ana Agent"), PASSWORD));
        AgentInbox.markWindow(colleague.page);
        var agent = new AgentInbox(browser.signInAsAgent(browser.window()));
        var bar = agent.page.getByRole(
                AriaRole.FORM, new Page.GetByRoleOptions().setName("Change the selected conversations"));
        assertThat(bar).isHidden();

        agent.row(posts.get(0)).locator(".row-select").check();
        agent.row(posts.get(1)).locator(".row-select").check();
        agent.open(posts.get(2));
        agent.page.keyboard().press("x");

        assertThat(bar.locator(".bulk-count")).hasText("3 selected");
        Browser.screenshot(agent.page, "inbox-several-selected");
        bar.getByLabel("Assign the selected to").selectOption(new SelectOption().setLabel("Ana Agent"));
        bar.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Assign"))
                .click();

        assertThat(agent.page.locator("#bulk-said")).hasText("3 conversations assigned to Ana Agent.");
        assertThat(bar).isHidden();
        for (var post : posts.subList(0, 3)) {
            assertThat(colleague.row(post).locator(".assignee")).hasText("Ana Agent");
        }
        assertThat(colleague.row(posts.get(3)).locator(".assignee")).hasCount(0);

        for (var post : posts.subList(0, 3)) {
            agent.row(post).locator(".row-select").check();
        }
        bar.getByLabel("Tag the selected with").fill("#Outage, late");
        bar.getByLabel("Tag the selected with").press("Enter");

        assertThat(agent.page.locator("#bulk-said")).hasText("3 conversations tagged #outage #late.");
        assertThat(tags(agent)).hasText(new String[] {"#late", "#outage"});
        // Rows show no tags: the colleague opens one of the three, and sees the next tags arrive there.
        colleague.open(posts.get(0));
        assertThat(tags(colleague)).hasText(new String[] {"#late", "#outage"});
        AgentInbox.markWindow(colleague.page);

        for (var post : posts.subList(0, 3)) {
            agent.row(post).locator(".row-select").check();
        }
        bar.getByLabel("Tag the selected with").fill("app");
        bar.getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Tag").setExact(true))
                .click();

        assertThat(agent.page.locator("#bulk-said")).hasText("3 conversations tagged #app.");
        assertThat(tags(colleague)).hasText(new String[] {"#app", "#late", "#outage"});
        assertThat(tags(agent)).hasText(new String[] {"#app", "#late", "#outage"});

        agent.row(posts.get(0)).locator(".row-select").check();
        agent.row(posts.get(1)).locator(".row-select").check();
        bar.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Resolve"))
                .click();

        assertThat(agent.page.locator("#bulk-said")).hasText("2 conversations resolved.");
        assertThat(colleague.row(posts.get(0))).hasCount(0);
        assertThat(colleague.row(posts.get(1))).hasCount(0);
        assertThat(colleague.row(posts.get(2))).isVisible();
        AgentInbox.assertNotReloaded(colleague.page);
    }

    /** The same from the keyboard: j opens, x ticks, b goes to the bar, Enter assigns, Shift+E resolves. */
    @Test
    void theKeyboardSelectsSeveralConversationsAndAssignsAndResolvesThemAtOnce() {
        var posts = new ArrayList<String>();
        for (var who : List.of("rio", "sia", "tam")) {
            posts.add(posts(who, "@heardbrand my order shows as cancelled " + who));
        }
        var colleague = new AgentInbox(browser.signIn(browser.window(), colleague("Ana Agent"), PASSWORD));
        for (var post : posts) {
            assertThat(colleague.row(post)).isVisible();
        }
        AgentInbox.markWindow(colleague.page);
        var agent = new AgentInbox(browser.signInAsAgent(browser.window()));
        var bar = agent.page.getByRole(
                AriaRole.FORM, new Page.GetByRoleOptions().setName("Change the selected conversations"));
        assertThat(agent.list().locator(".row")).hasCount(3);

        openNextAndTick(agent);
        openNextAndTick(agent);

        assertThat(bar.locator(".bulk-count")).hasText("2 selected");
        agent.page.keyboard().press("b");
        assertThat(bar.getByLabel("Assign the selected to")).isFocused();
        agent.page.keyboard().type("Ana");
        agent.page.keyboard().press("Enter");

        assertThat(agent.page.locator("#bulk-said")).hasText("2 conversations assigned to Ana Agent.");
        assertThat(colleague.list().locator(".row .assignee")).hasText(new String[] {"Ana Agent", "Ana Agent"});

        agent.page.keyboard().press("Escape");
        agent.page.keyboard().press("x");
        assertThat(bar.locator(".bulk-count")).hasText("1 selected");
        agent.page.keyboard().press("Shift+E");

        assertThat(agent.page.locator("#bulk-said")).hasText("1 conversation resolved.");
        assertThat(colleague.list().locator(".row")).hasCount(2);
        AgentInbox.assertNotReloaded(colleague.page);
    }

    /** Presses j to open the next conversation of the list, waits for its pane, and ticks it with x. */
    private static void openNextAndTick(AgentInbox agent) {
        var before = agent.pane().count() == 0 ? null : agent.pane().getAttribute("data-conversation-id");
        agent.page.keyboard().press("j");
        var selected = agent.list().locator(".row.selected");
        assertThat(selected).hasCount(1);
        if (before != null) {
            assertThat(agent.pane()).not().hasAttribute("data-conversation-id", before);
        }
        assertThat(agent.pane()).hasAttribute("data-conversation-id", selected.getAttribute("data-conversation-id"));
        agent.page.waitForLoadState();
        agent.page.keyboard().press("x");
        assertThat(agent.list().locator(".row.selected .row-select")).isChecked();
    }

    @Test
    void ticksSurviveTheListRefreshingAndClearLetsThemGo() {
        var first = posts("rae", "@heardbrand my invoice shows the wrong address");
        var agent = new AgentInbox(browser.signInAsAgent(browser.window()));
        agent.row(first).locator(".row-select").check();
        var bar = agent.page.getByRole(
                AriaRole.FORM, new Page.GetByRoleOptions().setName("Change the selected conversations"));
        assertThat(bar.locator(".bulk-count")).hasText("1 selected");

        var second = posts("sol", "@heardbrand where do I change my password?");

        assertThat(agent.row(second)).isVisible();
        assertThat(agent.row(first).locator(".row-select")).isChecked();
        assertThat(agent.row(second).locator(".row-select")).not().isChecked();
        bar.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Clear"))
                .click();
        assertThat(bar).isHidden();
        assertThat(agent.row(first).locator(".row-select")).not().isChecked();
    }

    private static Locator tags(AgentInbox inbox) {
        return inbox.pane().locator(".conv-triage .badge.tag");
    }

    private String posts(String author, String text) {
        var unique = text + " #" + UUID.randomUUID().toString().substring(0, 8);
        var created = admin.post("/api/sandbox/posts", Map.of("author", author, "text", unique));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return unique;
    }

    private String colleague(String name) {
        return admin.addColleague(name, "AGENT", PASSWORD);
    }
}
