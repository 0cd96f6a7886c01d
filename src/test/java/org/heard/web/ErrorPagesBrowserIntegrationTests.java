package org.heard.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Map;
import org.heard.Browser;
import org.heard.HeardClient;
import org.heard.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A person who follows a stale link, or opens a page their role may not, gets Heard's own page in its layout that
 * says what happened and leads back to the inbox; programs calling the API keep getting problem details.
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
}
