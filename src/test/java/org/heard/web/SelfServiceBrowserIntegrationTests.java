package org.heard.web;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.heard.Browser;
import org.heard.HeardClient;
import org.heard.IntegrationTest;
import org.heard.TestUsers;
import org.heard.selfservice.AccountSystemDouble;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Hashtag self-service as the customer and the team see it: a customer on the sandbox network's page asks for their
 * balance, opens the one-time link, connects their account (the company's system is WireMock) and reads the answer
 * in their private messages; another posts #complaint and the case is at the top of the agent's inbox.
 */
@IntegrationTest
class SelfServiceBrowserIntegrationTests {

    private static final Pattern LINK = Pattern.compile("http://localhost:\\d+/p/link/[A-Za-z0-9_-]+");

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier(AccountSystemDouble.BEAN)
    WireMockServer accounts;

    HeardClient admin;
    String run;

    @BeforeEach
    void connect() {
        admin = new HeardClient(port).asAdmin();
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aCustomerAsksForTheirBalanceConnectsTheirAccountAndGetsItPrivately() {
        var handle = newPersona("zoe");
        accounts.stubFor(post(urlEqualTo("/verify"))
                .withRequestBody(equalToJson("{\"account\":\"77" + run.hashCode() + "\",\"secret\":\"2468\"}"))
                .willReturn(okJson("{\"customerRef\":\"zoe-" + run + "\"}")));
        accounts.stubFor(
                get(urlEqualTo("/customers/zoe-" + run + "/balance")).willReturn(okJson("{\"balance\":\"£12.40\"}")));
        var customer = new SandboxCustomer(browser.window()).open();
        var post = "@heardbrand #balance please " + run;

        customer.post(handle, post);

        var botReply = customer.thread(post).locator(".replies .sandbox-post.by-brand");
        // The answer comes within milliseconds of the post: the page must show it although it is still busy with the
        // post.
        assertThat(botReply).containsText("Automated answer: for your balance, connect your account privately");
        assertThat(botReply).containsText("Reply \"human\" to talk to a person.");
        var matcher = LINK.matcher(botReply.innerText());
        assertThat(matcher.find()).isTrue();
        Browser.screenshot(customer.page, "selfservice-sandbox-link-reply");

        var linkPage = browser.window();
        linkPage.navigate(matcher.group());
        assertThat(linkPage.getByRole(AriaRole.HEADING)).hasText("Connect your " + TestUsers.BRAND_NAME + " account");
        assertThat(linkPage).hasTitle("Connect your account · " + TestUsers.BRAND_NAME);
        assertThat(linkPage.locator("main")).not().containsText("Heard");
        assertThat(linkPage.locator("main")).containsText("#balance");
        linkPage.getByLabel("Account number").fill("77" + run.hashCode());
        linkPage.getByLabel("PIN or password").fill("2468");
        linkPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Connect and get my answer"))
                .click();

        assertThat(linkPage.getByRole(AriaRole.STATUS)).containsText("Connected");
        Browser.screenshot(linkPage, "selfservice-link-connected");
        assertThat(customer.privateMessages()
                        .locator(".sandbox-post.by-brand")
                        .filter(new Locator.FilterOptions().setHasText(handle))
                        .filter(new Locator.FilterOptions().setHasText("Your balance is £12.40")))
                .hasCount(1);

        linkPage.navigate(matcher.group());
        assertThat(linkPage.getByRole(AriaRole.ALERT)).containsText("expired or was already used");
        assertThat(linkPage.locator("main")).containsText("post #balance to us again");
    }

    @Test
    void aComplaintOpensAHighPriorityCaseThatTheAgentSeesInTheInbox() {
        var handle = newPersona("yan");
        var agent = new AgentInbox(browser.signInAsAgent(browser.window()));
        var customer = new SandboxCustomer(browser.window()).open();
        var post = "@heardbrand #complaint my router has been dead since Monday " + run;

        customer.post(handle, post);

        assertThat(customer.thread(post).locator(".replies .sandbox-post.by-brand"))
                .containsText("Automated answer: We've opened a case for you");
        var row = agent.row("@" + handle).filter(new Locator.FilterOptions().setHasText("opened a case"));
        assertThat(row).isVisible();
        assertThat(row.locator(".badge.priority")).hasText(Pattern.compile("high|urgent"));
        assertThat(row.locator(".badge.queue")).hasText("general");
        row.locator("a.row-link").click();
        assertThat(agent.thread()).containsText(post);
        assertThat(agent.thread()).containsText("Automated");
        Browser.screenshot(agent.page, "selfservice-case-in-inbox");
    }

    /** A customer of this test on the sandbox network, known to its page. */
    private String newPersona(String name) {
        var handle = name + "-" + run;
        var first = admin.post("/api/sandbox/posts", Map.of("author", handle, "text", "Hello from " + handle));
        assertThat(first.status()).isEqualTo(201);
        return handle;
    }
}
