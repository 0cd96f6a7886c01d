package org.heard.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.heard.Browser;
import org.heard.HeardClient;
import org.heard.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The spine, seen by the two people at its ends: a customer on the sandbox network and an agent in the
 * live inbox, each in their own Chromium window, with neither ever reloading.
 */
@IntegrationTest
class InboxBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

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
        var reply =
                "Sorry Aiko, that is worrying. I have asked the courier to check, I will be back within the hour. Ana";
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

    @Test
    void aReplyShowsSentEvenWhenTheNetworkConfirmsItBeforeTheComposerHearsBack() {
        var text = "@heardbrand is the outlet on Main Street open on Sunday? " + unique();
        var heard = new HeardClient(port).asAdmin();
        assertThat(heard.post("/api/sandbox/posts", Map.of("author", "aiko", "text", text))
                        .status())
                .isEqualTo(201);
        var agent = new AgentInbox(browser.signInAsAgent(browser.window()));
        agent.open(text);
        var conversation = agent.pane().getAttribute("data-conversation-id");
        var reply = "Hi Aiko, yes: Sundays 10 am to 4 pm.";
        // Hold the answer to the Send until the network has confirmed the reply and the inbox has
        // announced it: the answer was rendered before that and still says "Sending…".
        agent.page.route("**/inbox/" + conversation + "/reply", route -> {
            var answer = route.fetch();
            await().atMost(Duration.ofSeconds(10)).until(() -> sent(heard, conversation, reply));
            route.fulfill(new Route.FulfillOptions().setResponse(answer));
        });

        agent.reply(reply);
    }

    @Test
    void aConversationThatArrivesWhileTheListIsBeingFetchedAppearsToo() {
        var heard = new HeardClient(port).asAdmin();
        var agent = new AgentInbox(browser.signInAsAgent(browser.window()));
        // The test listens to the same stream as the page, to know when a change has reached it.
        agent.page.evaluate("""
                () => new Promise(open => {
                  window.seen = [];
                  const stream = new EventSource('/api/inbox/stream');
                  stream.addEventListener('conversation', e => window.seen.push(String(JSON.parse(e.data).id)));
                  stream.onopen = open;
                })""");
        var first = "@heardbrand is the app down? " + unique();
        var second = "@heardbrand my order never came " + unique();

        // The list's fetch after the first post is answered with the list as it was before the second post
        // existed, and only once the second post's change has reached the page.
        var held = new AtomicBoolean();
        agent.page.route("**/inbox/list?**", route -> {
            if (!held.compareAndSet(false, true)) {
                route.resume();
                return;
            }
            var withoutTheSecond = route.fetch();
            post(heard, "sam_r", second);
            var conversation = heard.conversationOf("sam_r");
            agent.page.waitForFunction("id => window.seen.includes(id)", String.valueOf(conversation));
            route.fulfill(new Route.FulfillOptions().setResponse(withoutTheSecond));
        });
        post(heard, "aiko", first);

        assertThat(agent.row(first)).isVisible();
        assertThat(agent.row(second)).isVisible();
        assertThat(held).isTrue();
    }

    @Test
    void startDemoTrafficOnAnEmptyInboxSaysSoAtOnceAndTheFirstCustomerArrivesLive() {
        var agent = new AgentInbox(browser.signInAsAgent(browser.window()));
        assertThat(agent.page.getByText("All caught up")).isVisible();
        try {
            agent.page
                    .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start demo traffic"))
                    .click();

            assertThat(agent.page.locator(".list-tools .notice"))
                    .hasText("Demo traffic is on: sandbox customers write about 12 messages a minute, the first one"
                            + " now. Stop it on the Sandbox page.");
            AgentInbox.markWindow(agent.page);
            assertThat(agent.list().locator(".row").first()).isVisible();
            AgentInbox.assertNotReloaded(agent.page);
        } finally {
            assertThat(new HeardClient(port)
                            .asAdmin()
                            .delete("/api/sandbox/generator")
                            .status())
                    .isBetween(200, 204);
        }
    }

    @Test
    void theCustomersConversationCountOpensAllTheirConversationsAndOneClickShowsEveryoneAgain() {
        var heard = new HeardClient(port).asAdmin();
        var handle = "lena_" + UUID.randomUUID().toString().substring(0, 6);
        var inPublic = "@heardbrand my blender arrived broken " + unique();
        var inPrivate = "It is order 5521, the jug is cracked " + unique();
        var someoneElse = "@heardbrand do you sell gift cards? " + unique();
        post(heard, handle, inPublic);
        assertThat(heard.post("/api/sandbox/posts", Map.of("author", handle, "text", inPrivate, "private", true))
                        .status())
                .isEqualTo(201);
        post(heard, "sam_r", someoneElse);
        var agent = new AgentInbox(browser.signInAsAgent(browser.window()));
        assertThat(agent.row(someoneElse)).isVisible();
        agent.open(inPublic);

        agent.pane()
                .getByRole(
                        AriaRole.LINK,
                        new Locator.GetByRoleOptions().setName(Pattern.compile("^2 conversations with ")))
                .click();

        assertThat(agent.row(inPublic)).isVisible();
        assertThat(agent.row(inPrivate)).isVisible();
        assertThat(agent.row(someoneElse)).hasCount(0);
        agent.page
                .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("One customer's conversations ✕"))
                .click();
        assertThat(agent.row(someoneElse)).isVisible();
    }

    @Test
    void theCompactListShowsTenConversationsAtOnceAndStaysCompactForTheAgent() {
        var heard = new HeardClient(port).asAdmin();
        for (int i = 0; i < 12; i++) {
            post(heard, "q" + i, "@heardbrand question number " + i + " about my order " + unique());
        }
        var agent = new AgentInbox(browser.signInAsAgent(browser.window()));
        assertThat(agent.list().locator(".row")).hasCount(12);
        var toggle = agent.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Compact list"));
        var comfortable = rowsInView(agent.page);

        toggle.click();

        assertThat(toggle).hasAttribute("aria-pressed", "true");
        org.assertj.core.api.Assertions.assertThat(rowsInView(agent.page)).isGreaterThanOrEqualTo(10);
        Browser.screenshot(agent.page, "inbox-compact");
        agent.page.reload();
        assertThat(toggle).hasAttribute("aria-pressed", "true");
        org.assertj.core.api.Assertions.assertThat(rowsInView(agent.page)).isGreaterThanOrEqualTo(10);

        toggle.click();
        assertThat(toggle).hasAttribute("aria-pressed", "false");
        org.assertj.core.api.Assertions.assertThat(rowsInView(agent.page))
                .isEqualTo(comfortable)
                .isLessThan(10);
    }

    /** How many rows of the list a 1280×800 window shows whole, without scrolling. */
    private static int rowsInView(Page page) {
        return ((Number) page.evaluate("""
                        () => {
                          const list = document.getElementById('conversation-list').getBoundingClientRect();
                          const bottom = Math.min(list.bottom, window.innerHeight);
                          return [...document.querySelectorAll('#conversation-list .row')]
                            .filter(r => r.getBoundingClientRect().bottom <= bottom).length;
                        }""")).intValue();
    }

    @Test
    void aRowPressedAsTheListRefreshesOpensWhenTheAgentLetsGo() {
        var heard = new HeardClient(port).asAdmin();
        var first = "@heardbrand where is my refund? " + unique();
        post(heard, "aiko", first);
        var agent = new AgentInbox(browser.signInAsAgent(browser.window()));
        agent.page.evaluate("""
                () => {
                  window.listAnswers = [];
                  document.addEventListener('htmx:afterRequest', e => {
                    if (e.detail.elt.id === 'conversation-list') window.listAnswers.push(e.detail.xhr.responseText);
                  });
                }""");
        // The row stays where it is; the list may be swapped for fresh rows at any moment, so its box is read again
        // until one read lands on a row that is there.
        agent.page.waitForLoadState();
        var link = agent.row(first).locator("a.row-link");
        assertThat(link).isVisible();
        var box = link.boundingBox();
        for (int read = 0; box == null && read < 20; read++) {
            assertThat(link).isVisible();
            box = link.boundingBox();
        }
        agent.page.mouse().move(box.x + box.width / 2, box.y + box.height / 2);

        agent.page.mouse().down();
        var second = "@heardbrand the app logs me out every minute " + unique();
        post(heard, "sam_r", second);
        agent.page.waitForFunction("text => window.listAnswers.some(a => a.includes(text))", second);
        agent.page.mouse().up();

        assertThat(agent.thread()).containsText(first);
        assertThat(agent.row(second)).isVisible();
    }

    private static void post(HeardClient heard, String author, String text) {
        var posted = heard.post("/api/sandbox/posts", Map.of("author", author, "text", text));
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
    }

    private static boolean sent(HeardClient heard, String conversation, String text) {
        for (var message :
                heard.get("/api/conversations/" + conversation).json().get("messages")) {
            if (text.equals(message.get("text").asString())) {
                return "SENT".equals(message.get("deliveryState").asString());
            }
        }
        return false;
    }

    static String unique() {
        return "#" + UUID.randomUUID().toString().substring(0, 8);
    }
}
