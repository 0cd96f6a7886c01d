package org.heard.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import org.heard.Browser;
import org.heard.HeardClient;
import org.heard.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A person who follows a stale link, or opens a page their role may not, gets Heard's own page in its layout that
 * says what happened and leads back to the inbox; programs calling the API keep getting problem details. A request
 * Heard refuses says why; one Heard could not even read shows no Java in its place.
 */
@IntegrationTest
class ErrorPagesBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void aConversationThatDoesNotExistIsAPageSayingSoWithAWayBackToTheInbox() {
        var page = browser.signInAsAgent(browser.window());

        var response = page.navigate("/inbox/987654321");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.headerValue("content-type")).startsWith("text/html");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Not found");
        assertThat(page.locator("main")).containsText("There is no conversation 987654321.");
        assertThat(page.locator(".topnav")).isVisible();
        Browser.screenshot(page, "error-not-found");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to the inbox"))
                .click();
        page.waitForURL("**/inbox");
        assertThat(page.locator("#conversation-list")).isVisible();
    }

    @Test
    void anAgentWhoOpensAnAdminsPageIsToldItIsNotForTheirRole() {
        var admin = new HeardClient(port).asAdmin();
        var created = admin.post(
                "/api/admin/users",
                Map.of("email", "dana@heard.test", "name", "Dana Agent", "password", "dana-password", "role", "AGENT"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var page = browser.signIn(browser.window(), "dana@heard.test", "dana-password");

        var response = page.navigate("/admin/channels");

        assertThat(response.status()).isEqualTo(403);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Not for your role");
        assertThat(page.locator("main")).containsText("ask an admin");
        assertThat(page.locator(".topnav")).isVisible();
    }

    @Test
    void anAddressNothingAnswersIsAPageToo() {
        var page = browser.signInAsAgent(browser.window());

        var response = page.navigate("/inbox/no/such/page");

        assertThat(response.status()).isEqualTo(404);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Not found");
    }

    @Test
    void theApiKeepsAnsweringWithProblemDetails() {
        var admin = new HeardClient(port).asAdmin();

        var missing = admin.get("/api/conversations/987654321");
        var duplicate = Map.of("email", "eve@heard.test", "name", "Eve", "password", "eve-password", "role", "AGENT");
        admin.post("/api/admin/users", duplicate);
        var clash = admin.post("/api/admin/users", duplicate);

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.json().get("detail").asString()).isEqualTo("There is no conversation 987654321.");
        assertThat(clash.status()).isIn(400, 409);
        assertThat(clash.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aRefusedPageRequestShowsHeardsReason() {
        var page = browser.signInAsAgent(browser.window());

        var response = page.navigate("/inbox?status=urgent");

        assertThat(response.status()).isEqualTo(400);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Request not accepted");
        assertThat(page.locator("main"))
                .containsText("'urgent' is not a filter Heard knows; use one of open, new, pending, resolved, all.");
        assertThat(page.locator(".topnav")).isVisible();
    }

    @Test
    void aFormValueHeardCannotReadIsAPageInHeardsWordsNotJavas() {
        var page = browser.signInAsAgent(browser.window());
        page.navigate("/replies/saved");
        // A stale or altered page: the form names a saved reply by something that is not a number.
        page.locator("form.saved-form")
                .evaluate("form => form.insertAdjacentHTML('beforeend', '<input type=hidden name=id value=abc>')");
        page.getByLabel("Title").fill("Refund on its way");
        page.getByLabel("Text").fill("Your refund is on its way.");

        var response = page.waitForResponse(
                r -> r.url().endsWith("/replies/saved") && r.request().method().equals("POST"),
                () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save reply"))
                        .click());

        assertThat(response.status()).isEqualTo(400);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Request not accepted");
        assertThat(page.locator("main")).containsText("Heard could not read this request; check the values you sent.");
        assertThat(page.locator("main")).not().containsText("For input string");
        assertThat(page.locator(".topnav")).isVisible();
    }

    @Test
    void theApiAnswersARefusalWithItsReasonAsAProblemDetail() {
        var admin = new HeardClient(port).asAdmin();

        var refused = admin.post(
                "/api/conversations/changes", Map.of("ids", List.of(1L), "status", "open", "tags", List.of("vip")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("title").asString()).isEqualTo("Request not accepted");
        assertThat(refused.json().get("detail").asString()).isEqualTo("Give one change: assignee, tags or status.");
    }
}
