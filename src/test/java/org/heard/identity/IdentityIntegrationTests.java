package org.heard.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.heard.HeardClient;
import org.heard.IntegrationTest;
import org.heard.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Who may sign in and what each role may do, over real HTTP. */
@IntegrationTest
@Tag("persistence")
class IdentityIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    HeardClient admin;

    @BeforeEach
    void connect() {
        admin = new HeardClient(port).asAdmin();
    }

    @Test
    void theFirstAdminFromTheEnvironmentCanSignInAndPasswordsAreStoredAsArgon2Hashes() {
        var hash = jdbc.sql("select password_hash from users where email = ?")
                .param(TestUsers.ADMIN_EMAIL)
                .query(String.class)
                .single();

        assertThat(hash).startsWith("{argon2}$argon2id$").doesNotContain(TestUsers.ADMIN_PASSWORD);
        assertThat(admin.get("/api/conversations").status()).isEqualTo(200);
    }

    @Test
    void everyoneChangesTheirOwnNameAndPasswordAndOnlyAdminsChangeRoles() {
        var email = "api-" + UUID.randomUUID().toString().substring(0, 8) + "@heard.test";
        var created = admin.post(
                "/api/admin/users",
                Map.of("email", email, "name", "Eli Agent", "password", "a-first-password", "role", "AGENT"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        var agent = new HeardClient(port).signIn(email, "a-first-password");

        assertThat(agent.put("/api/me", Map.of("name", "Eli Sato"))
                        .json()
                        .get("name")
                        .asString())
                .isEqualTo("Eli Sato");
        var wrong = agent.post("/api/me/password", Map.of("current", "guess", "password", "a-second-password"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("detail").asString())
                .isEqualTo("That is not your current password; nothing was changed.");
        var tooShort = agent.post("/api/me/password", Map.of("current", "a-first-password", "password", "short"));
        assertThat(tooShort.json().get("detail").asString()).isEqualTo("Choose a password of at least 12 characters.");
        assertThat(agent.post(
                                "/api/me/password",
                                Map.of("current", "a-first-password", "password", "a-second-password"))
                        .status())
                .isEqualTo(204);
        assertThat(new HeardClient(port)
                        .post("/api/auth/token", Map.of("email", email, "password", "a-second-password"))
                        .status())
                .isEqualTo(200);

        assertThat(agent.put("/api/admin/users/" + id + "/role", Map.of("role", "ADMIN"))
                        .status())
                .isEqualTo(403);
        var promoted = admin.put("/api/admin/users/" + id + "/role", Map.of("role", "SUPERVISOR"));
        assertThat(promoted.json().get("role").asString()).isEqualTo("SUPERVISOR");
        long adminId = admin.get("/api/me").json().get("id").asLong();
        var lastAdmin = admin.put("/api/admin/users/" + adminId + "/role", Map.of("role", "AGENT"));
        assertThat(lastAdmin.status()).isEqualTo(400);
        assertThat(lastAdmin.json().get("detail").asString())
                .isEqualTo("Heard needs at least one admin; make someone else admin first.");
    }

    @Test
    void aWrongPasswordGetsNoTokenAndAProblemDetail() {
        var response = new HeardClient(port)
                .post("/api/auth/token", Map.of("email", TestUsers.ADMIN_EMAIL, "password", "guess"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).contains("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains("do not match");
    }

    @Test
    void theApiNeedsAToken() {
        var anonymous = new HeardClient(port).get("/api/conversations");
        var forged = new HeardClient(port)
                .send(new HeardClient(port)
                        .request("/api/conversations")
                        .header("Authorization", "Bearer hrd_not-a-real-token"));

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("detail").asString()).contains("/api/auth/token");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.contentType()).contains("application/problem+json");
    }

    @Test
    void anAdminAddsAnAgentWhoCanWorkTheInboxButNotManagePeople() {
        var email = "agent-" + UUID.randomUUID() + "@example.com";
        var created = admin.post(
                "/api/admin/users",
                Map.of("email", email, "name", "Tess Agent", "password", "a-long-enough-password", "role", "AGENT"));
        assertThat(created.status()).isEqualTo(201);

        var agent = new HeardClient(port).signIn(email, "a-long-enough-password");

        assertThat(agent.get("/api/conversations").status()).isEqualTo(200);
        var forbidden = agent.get("/api/admin/users");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.contentType()).contains("application/problem+json");
    }

    @Test
    void aDisabledUserCanNoLongerSignInNorUseTheirToken() {
        var email = "leaver-" + UUID.randomUUID() + "@example.com";
        long id = addAgent(email, "Lee Leaver");
        var leaver = new HeardClient(port).signIn(email, "a-long-enough-password");

        assertThat(admin.post("/api/admin/users/" + id + "/disable", Map.of()).status())
                .isEqualTo(200);

        assertThat(leaver.get("/api/conversations").status()).isEqualTo(401);
        assertThat(new HeardClient(port)
                        .post("/api/auth/token", Map.of("email", email, "password", "a-long-enough-password"))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void disablingSomeoneSignsOutTheirOpenBrowserSessionAtOnce() throws Exception {
        var email = "session-" + UUID.randomUUID() + "@example.com";
        long id = addAgent(email, "Sam Session");
        var browser = java.net.http.HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager())
                .build();
        var base = "http://127.0.0.1:" + port;
        var loginPage = browser.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login"))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        var csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(loginPage.body());
        assertThat(csrf.find()).isTrue();
        var form = "username=" + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8)
                + "&password=a-long-enough-password&_csrf=" + csrf.group(1);
        browser.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        var inbox = java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/inbox"))
                .header("Accept", "text/html")
                .build();
        assertThat(browser.send(inbox, java.net.http.HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(200);

        admin.post("/api/admin/users/" + id + "/disable", Map.of());

        var after = browser.send(inbox, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void anyoneMayBeASandboxCustomerButOnlyTheTeamSwitchesDemoTrafficOnOrOff() {
        var anyone = new HeardClient(port);

        assertThat(anyone.post("/api/sandbox/generator", Map.of("perMinute", 60000))
                        .status())
                .isIn(401, 403);
        assertThat(anyone.post("/api/sandbox/posts", Map.of("author", "lena.k", "text", "hi @heardbrand"))
                        .status())
                .isEqualTo(201);
        assertThat(admin.get("/api/sandbox/generator").status()).isEqualTo(200);
    }

    @Test
    void aShortPasswordOrADuplicateEmailIsRefusedWithAReason() {
        var shortPassword = admin.post(
                "/api/admin/users",
                Map.of("email", "x@example.com", "name", "X", "password", "short", "role", "AGENT"));
        var duplicate = admin.post(
                "/api/admin/users",
                Map.of(
                        "email",
                        TestUsers.ADMIN_EMAIL,
                        "name",
                        "Again",
                        "password",
                        "a-long-enough-password",
                        "role",
                        "AGENT"));

        assertThat(shortPassword.status()).isEqualTo(400);
        assertThat(shortPassword.json().get("detail").asString()).contains("at least 12 characters");
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.json().get("detail").asString()).contains("already signs in");
    }

    @Test
    void pagesNeedASignInAndFormsNeedTheirCsrfToken() {
        var page = new HeardClient(port)
                .send(new HeardClient(port).request("/inbox").header("Accept", "text/html"));
        var formWithoutToken = new HeardClient(port)
                .send(new HeardClient(port)
                        .request("/login")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                "username=" + TestUsers.ADMIN_EMAIL + "&password=" + TestUsers.ADMIN_PASSWORD)));

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).endsWith("/login");
        assertThat(formWithoutToken.status()).isEqualTo(403);
    }

    private long addAgent(String email, String name) {
        var created = admin.post(
                "/api/admin/users",
                Map.of("email", email, "name", name, "password", "a-long-enough-password", "role", "AGENT"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }
}
