package org.heard.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.heard.Browser;
import org.heard.HeardClient;
import org.heard.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Draws the README's pictures of the inbox, {@code docs/images/inbox.png} (1280×800) and
 * {@code docs/images/inbox-phone.png}, from a small realistic morning of customer care. It needs an
 * empty inbox, so it runs only when asked for, alone in its own test JVM:
 *
 * <pre>./mvnw -B -o verify -Dit.test=ReadmeScreenshots \
 *     -Dtest=NoneHere -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@IntegrationTest
class ReadmeScreenshots {

    private static final Path IMAGES = Path.of("docs", "images");
    private static final String AGENT_EMAIL = "ana@heard.test";
    private static final String AGENT_PASSWORD = "ana-password-for-screenshots";

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void drawTheInboxForTheReadme() throws IOException {
        var admin = new HeardClient(port).asAdmin();
        assertThat(admin.get("/api/conversations?status=all")
                        .json()
                        .get("items")
                        .size())
                .as("the README pictures need an empty inbox: run this test alone")
                .isZero();
        admin.post("/api/admin/users", user(AGENT_EMAIL, "Ana Lima", AGENT_PASSWORD));
        admin.post("/api/admin/users", user("ben@heard.test", "Ben Osei", "ben-password-for-screenshots"));
        var ana = new HeardClient(port).signIn(AGENT_EMAIL, AGENT_PASSWORD);

        var order = customerPosts(
                admin,
                "tom.builds",
                "@heardbrand my order #4471 was supposed to arrive Tuesday and still nothing. Any news?");
        var refund = customerMessages(
                admin,
                "maria_g",
                "Hi, I was charged twice for my subscription this month. Can you refund one of them?");
        var login = customerPosts(admin, "aiko", "@heardbrand is the service down? Can't log in since this morning 😟");
        var address = customerPosts(
                admin, "sam_r", "@heardbrand how do I change the delivery address on an order I already placed?");
        var praise = customerPosts(
                admin, "lena.k", "shoutout to @heardbrand support, sorted my refund in 5 minutes. impressed 🙌");

        ana.post("/api/conversations/" + order + "/assignment", Map.of("assignee", "me"));
        var answer = "Hi Tom, sorry for the wait. #4471 left our warehouse on Monday and the courier has it as "
                + "delayed. I have asked them to prioritise it and will update you here by 2 pm. Ana";
        ana.post("/api/conversations/" + order + "/replies", Map.of("text", answer, "visibility", "public"));
        var followUp = "thanks Ana. it's a birthday present so I really need it by Saturday";
        customerReplies(admin, "tom.builds", firstPostOf("tom.builds"), followUp);
        await().atMost(Duration.ofSeconds(10)).until(() -> messages(order) == 3);
        ana.post(
                "/api/conversations/" + order + "/notes",
                Map.of("text", "Courier ticket CX-88123 opened, promised a call back before 2 pm."));
        admin.post("/api/conversations/" + login + "/assignment", Map.of("assignee", userId(admin, "ben@heard.test")));
        ana.post(
                "/api/conversations/" + praise + "/replies",
                Map.of("text", "Thank you Lena, that made our day! 💚", "visibility", "public"));
        ana.post("/api/conversations/" + praise + "/status", Map.of("status", "RESOLVED"));

        // Spread the morning out, so the list shows how long each customer has waited.
        sent(order, "my order #4471", 47);
        sent(order, "Hi Tom, sorry", 39);
        sent(order, "thanks Ana", 31);
        sent(refund, "charged twice", 26);
        sent(login, "service down", 14);
        sent(address, "delivery address", 4);

        var desktop = browser.window();
        signIn(desktop);
        desktop.navigate("/inbox/" + order);
        assertThat(desktop.locator("#pane")).containsText("birthday present");
        assertThat(desktop.locator("#pane .delivery").first()).containsText("Sent");
        desktop.mouse().move(0, 0);
        save(desktop, "inbox.png");

        var phone = browser.phone();
        signIn(phone);
        assertThat(phone.locator("#conversation-list")).containsText("delivery address");
        save(phone, "inbox-phone.png");
        phone.navigate("/inbox/" + order);
        assertThat(phone.locator("#pane")).containsText("birthday present");
        Browser.screenshot(phone, "readme-phone-conversation");
    }

    private static Map<String, Object> user(String email, String name, String password) {
        return Map.of("email", email, "name", name, "password", password, "role", "AGENT");
    }

    private long customerPosts(HeardClient heard, String handle, String text) {
        return post(heard, handle, text, false);
    }

    private long customerMessages(HeardClient heard, String handle, String text) {
        return post(heard, handle, text, true);
    }

    private void customerReplies(HeardClient heard, String handle, long inReplyTo, String text) {
        var body = new HashMap<String, Object>(Map.of("author", handle, "text", text, "inReplyTo", inReplyTo));
        assertThat(heard.post("/api/sandbox/posts", body).status()).isEqualTo(201);
    }

    private long post(HeardClient heard, String handle, String text, boolean isPrivate) {
        var body = new HashMap<String, Object>(Map.of("author", handle, "text", text, "private", isPrivate));
        assertThat(heard.post("/api/sandbox/posts", body).status()).isEqualTo(201);
        return await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> jdbc.sql("select conversation_id from messages where text = ?")
                                .param(text)
                                .query(Long.class)
                                .optional(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    private long firstPostOf(String handle) {
        return jdbc.sql("select min(p.id) from sandbox_posts p join sandbox_personas a on a.id = p.persona_id "
                        + "where a.handle = ?")
                .param(handle)
                .query(Long.class)
                .single();
    }

    private int messages(long conversation) {
        return jdbc.sql("select count(*) from messages where conversation_id = ?")
                .param(conversation)
                .query(Integer.class)
                .single();
    }

    private String userId(HeardClient heard, String email) {
        for (var user : heard.get("/api/admin/users").json()) {
            if (email.equals(user.get("email").asString())) {
                return user.get("id").asString();
            }
        }
        throw new IllegalStateException("No user " + email);
    }

    /** Moves one message back in time, and its conversation's times with it. */
    private void sent(long conversation, String text, int minutesAgo) {
        jdbc.sql("update messages set sent_at = now() - make_interval(mins => ?) "
                        + "where conversation_id = ? and text like ?")
                .params(minutesAgo, conversation, "%" + text + "%")
                .update();
        jdbc.sql("""
                        update conversations c set
                          created_at = (select min(sent_at) from messages where conversation_id = c.id),
                          last_message_at = (select max(sent_at) from messages where conversation_id = c.id),
                          last_customer_message_at = (select max(sent_at) from messages
                                                      where conversation_id = c.id and direction = 'INBOUND'),
                          first_response_at = (select min(sent_at) from messages
                                               where conversation_id = c.id and direction = 'OUTBOUND')
                        where c.id = ?
                        """).param(conversation).update();
        // Service-level clocks that started after the customer now wrote start when they wrote.
        jdbc.sql("""
                        update triage_service_level_clocks set
                          due_at = due_at - (started_at - (now() - make_interval(mins => ?))),
                          warn_at = warn_at - (started_at - (now() - make_interval(mins => ?))),
                          started_at = now() - make_interval(mins => ?)
                        where conversation_id = ? and started_at > now() - make_interval(mins => ?)
                          and exists (select 1 from messages where conversation_id = ? and text like ?
                                      and direction = 'INBOUND')
                        """)
                .params(minutesAgo, minutesAgo, minutesAgo, conversation, minutesAgo, conversation, "%" + text + "%")
                .update();
        jdbc.sql("""
                        update conversations c set due_at = (select min(due_at) from triage_service_level_clocks k
                            where k.conversation_id = c.id and k.stopped_at is null and k.kind <> 'resolution')
                        where c.id = ? and c.due_at is not null and c.due_what <> 'resolution'
                        """).param(conversation).update();
    }

    private static void signIn(Page page) {
        page.navigate("/login");
        page.getByLabel("Email").fill(AGENT_EMAIL);
        page.getByLabel("Password").fill(AGENT_PASSWORD);
        page.locator("button[type=submit]").click();
        page.waitForURL("**/inbox");
    }

    private static void save(Page page, String name) throws IOException {
        Files.createDirectories(IMAGES);
        if (page.locator("#pane").count() > 0) {
            // The pane fetches its saved replies as it opens: draw it whole.
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#saved-picker"))
                    .isVisible();
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(IMAGES.resolve(name)));
        Browser.screenshot(page, "readme-" + name.replace(".png", ""));
    }
}
