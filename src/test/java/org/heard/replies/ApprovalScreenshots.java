package org.heard.replies;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.heard.Browser;
import org.heard.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Draws the pictures of docs/approvals-and-scheduling.md (the approval queue, the rules, the scheduled page, at
 * 1280 and 390 pixels wide) into {@code target/screenshots/}. Its rules catch every public refund reply, so it
 * runs only when asked for, alone:
 *
 * <pre>./mvnw -B -o verify -Dit.test=ApprovalScreenshots \
 *     -Dtest=NoneHere -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@IntegrationTest
class ApprovalScreenshots {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void drawTheApprovalAndSchedulingPages() {
        var fixtures = new ReplyFixtures(port);
        var ana = fixtures.person("AGENT", "Ana Lima");
        var tom = fixtures.person("AGENT", "Tom Reyes");
        var ben = fixtures.person("SUPERVISOR", "Ben Osei");
        fixtures.rule(Map.of(
                "name", "Refund promises in public",
                "conditions", Map.of("publicOnly", true, "terms", List.of("refund", "compensation")),
                "steps", List.of(Map.of("role", "SUPERVISOR"))));
        fixtures.rule(Map.of(
                "name", "New starters",
                "conditions", Map.of("agents", List.of(tom.id())),
                "steps", List.of(Map.of("role", "SUPERVISOR"), Map.of("approvers", List.of(ben.id())))));
        long maria = fixtures.customerPosts("maria_g", "@heardbrand charged twice for my May bill, not happy");
        ana.reply(maria, "So sorry, María! I can see the double charge; your refund is on its way today.");
        long sam = fixtures.customerPosts("sam_r", "@heardbrand the app logs me out every hour");
        tom.reply(sam, "Hi Sam, a fix ships on Thursday. Until then, keep the app updated.");
        tom.reply(
                sam,
                Map.of(
                        "text",
                        "Good morning Sam, did Thursday's update stop the log-outs?",
                        "sendAt",
                        Instant.now().plus(Duration.ofDays(2)).toString()));
        fixtures.admin()
                .post(
                        "/api/replies/posts",
                        Map.of(
                                "channel", "sandbox",
                                "text", "Our stores close at 4pm on Christmas Eve. Merry Christmas from all of us!",
                                "sendAt", Instant.now().plus(Duration.ofDays(3)).toString()));

        for (var phone : List.of(false, true)) {
            var page = phone ? browser.phone() : browser.window();
            browser.signIn(page, ben.email(), ReplyFixtures.PASSWORD);
            var suffix = phone ? "-phone" : "";
            page.navigate("/replies/approvals");
            assertThat(page.locator(".approval-card")).hasCount(3);
            Browser.screenshot(page, "approvals" + suffix);
            page.navigate("/replies/approval-rules");
            Browser.screenshot(page, "approval-rules" + suffix);
            page.navigate("/replies/scheduled");
            Browser.screenshot(page, "scheduled" + suffix);
            page.navigate("/inbox/" + sam);
            Browser.screenshot(page, "approvals-pane" + suffix);
        }
        fixtures.removeRules();
    }
}
