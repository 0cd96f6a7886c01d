package org.heard.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.util.Map;
import org.heard.Browser;
import org.heard.HeardClient;
import org.heard.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An admin adds a colleague on the People page, with a password or with an invitation link instead; the invited
 * colleague chooses their own password from the link, once, and signs in.
 */
@IntegrationTest
class InvitationBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void anAdminInvitesAColleagueWhoChoosesTheirOwnPasswordOnceAndSignsIn() {
        var people = browser.signInAsAgent(browser.window());
        people.navigate("/admin/users");
        people.getByLabel("Name").fill("Fay Supervisor");
        people.getByLabel("Email").fill("fay@heard.test");
        people.getByLabel("Role").last().selectOption(new SelectOption().setLabel("Supervisor"));
        people.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add or invite"))
                .click();

        assertThat(people.locator(".invitation p"))
                .hasText("Send Fay Supervisor this link to choose a password and sign in. It works once, for 7 days.");
        var link = people.getByLabel("Invitation link").inputValue();
        assertThat(link).startsWith(browser.base() + "/p/invite/");
        assertThat(people.getByLabel("Role of Fay Supervisor")).hasValue("SUPERVISOR");

        var fay = browser.window();
        fay.navigate(link);
        assertThat(fay.getByText("Hello Fay Supervisor. Choose a password, and sign in as fay@heard.test."))
                .isVisible();
        fay.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("fays-own-password");
        fay.getByLabel("Password again").fill("fays-other-password");
        fay.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set my password"))
                .click();
        assertThat(fay.locator(".problem")).hasText("The password and its repetition differ; type it twice alike.");
        fay.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("fays-own-password");
        fay.getByLabel("Password again").fill("fays-own-password");
        fay.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set my password"))
                .click();
        assertThat(fay.locator(".notice")).hasText("Your password is set. This link is used up.");

        fay.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        browser.signIn(fay, "fay@heard.test", "fays-own-password");
        assertThat(fay.locator(".me-name")).hasText("Fay Supervisor");

        var again = browser.window();
        var used = again.navigate(link);
        assertThat(used.status()).isEqualTo(410);
        assertThat(again.locator(".problem"))
                .hasText("This invitation link has been used or has expired, so it no longer works.");
    }

    @Test
    void anAdminAddsAColleagueWithAPasswordOrGivesAnyoneANewSignInLink() {
        var people = browser.signInAsAgent(browser.window());
        people.navigate("/admin/users");
        people.getByLabel("Name").fill("Gus Agent");
        people.getByLabel("Email").fill("gus@heard.test");
        people.getByLabel("Password").fill("gus-password-1");
        people.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add or invite"))
                .click();
        assertThat(people.locator(".notice")).hasText("Gus Agent can now sign in as gus@heard.test.");

        people.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New sign-in link for Gus Agent"))
                .click();
        var link = people.getByLabel("Invitation link").inputValue();
        var api = new HeardClient(port).asAdmin().get("/api/admin/users").json();
        long gus = 0;
        for (var user : api) {
            if (user.get("email").asString().equals("gus@heard.test"))
                gus = user.get("id").asLong();
        }
        var newer = new HeardClient(port).asAdmin().post("/api/admin/users/" + gus + "/invitation", Map.of());
        assertThat(newer.status()).isEqualTo(201);

        var old = browser.window();
        assertThat(old.navigate(link).status())
                .as("a newer link replaces the older")
                .isEqualTo(410);
        var fresh = browser.window();
        fresh.navigate(newer.json().get("link").asString());
        assertThat(fresh.getByText("Hello Gus Agent. Choose a password, and sign in as gus@heard.test."))
                .isVisible();
    }
}
