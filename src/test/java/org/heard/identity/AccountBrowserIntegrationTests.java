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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A person changes their own name and password from their account page, and an admin changes someone's role on the
 * People page; what each changes is what the top bar, the sign-in and the other person's pages show afterwards.
 */
@IntegrationTest
class AccountBrowserIntegrationTests {

    private static final String PASSWORD = "a-first-password";

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
    void anAgentRenamesThemselvesAndColleaguesSeeTheNewName() {
        var email = person("Bea Agent", "AGENT");
        var agent = browser.signIn(browser.window(), email, PASSWORD);

        agent.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Bea Agent"))
                .click();
        agent.getByLabel("Your name").fill("Beatriz Okoro");
        agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save name"))
                .click();

        assertThat(agent.locator(".notice"))
                .hasText("Your name is now Beatriz Okoro, in replies and in colleagues' inboxes.");
        assertThat(agent.locator(".me-name")).hasText("Beatriz Okoro");
        var names = admin.get("/api/admin/users").json();
        var found = false;
        for (var user : names) {
            found |= user.get("email").asString().equals(email)
                    && user.get("name").asString().equals("Beatriz Okoro");
        }
        assertThat(found).isTrue();

        agent.getByLabel("Your name").fill(" ");
        agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save name"))
                .click();
        assertThat(agent.locator(".problem"))
                .hasText("Enter the person's name, as customers and colleagues will see it.");
    }

    @Test
    void aPersonChangesTheirPasswordAndSignsInWithTheNewOneOnly() {
        var email = person("Cai Agent", "AGENT");
        var agent = browser.signIn(browser.window(), email, PASSWORD);
        agent.navigate("/account");

        agent.getByLabel("Current password").fill("not-my-password");
        agent.getByLabel("New password", new Page.GetByLabelOptions().setExact(true))
                .fill("a-second-password");
        agent.getByLabel("New password again").fill("a-second-password");
        agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password"))
                .click();
        assertThat(agent.locator(".problem")).hasText("That is not your current password; nothing was changed.");

        agent.getByLabel("Current password").fill(PASSWORD);
        agent.getByLabel("New password", new Page.GetByLabelOptions().setExact(true))
                .fill("a-second-password");
        agent.getByLabel("New password again").fill("a-second-password");
        agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password"))
                .click();
        assertThat(agent.locator(".notice")).hasText("Your password is changed; use it the next time you sign in.");

        assertThat(new HeardClient(port)
                        .post("/api/auth/token", Map.of("email", email, "password", PASSWORD))
                        .status())
                .isEqualTo(401);
        var fresh = browser.signIn(browser.window(), email, "a-second-password");
        assertThat(fresh.locator(".me-name")).hasText("Cai Agent");
    }

    @Test
    void anAdminMakesAnAgentASupervisorAndTheirPagesChangeOnTheirNextClick() {
        var email = person("Dia Agent", "AGENT");
        var agent = browser.signIn(browser.window(), email, PASSWORD);
        assertThat(agent.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Broadcasts")))
                .hasCount(0);
        var people = browser.signInAsAgent(browser.window());
        people.navigate("/admin/users");

        people.getByLabel("Role of Dia Agent").selectOption(new SelectOption().setLabel("Supervisor"));

        assertThat(people.locator(".notice"))
                .hasText("Dia Agent is now a supervisor; it applies from their next click.");
        assertThat(people.getByLabel("Role of Dia Agent")).hasValue("SUPERVISOR");
        agent.reload();
        assertThat(agent.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Broadcasts")))
                .isVisible();

        people.getByLabel("Role of Admin").selectOption(new SelectOption().setLabel("Agent"));
        assertThat(people.locator(".problem"))
                .hasText("Heard needs at least one admin; make someone else admin first.");
    }

    private String person(String name, String role) {
        return admin.addColleague(name, role, PASSWORD);
    }
}
