package org.heard.replies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.heard.IntegrationTest;
import org.heard.MovableClock;
import org.heard.replies.scheduling.ScheduledPosts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The brand's own posts, scheduled for a time: on the sandbox's timeline once when due, however many
 * watchers race for it, never before, never after being cancelled, and refused where a network takes none.
 */
@IntegrationTest
class ScheduledPostsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ScheduledPosts posts;

    @Autowired
    MovableClock clock;

    @Autowired
    Clock appClock;

    @Autowired
    JdbcClient jdbc;

    ReplyFixtures fixtures;
    String tag;

    @BeforeEach
    void setUp() {
        fixtures = new ReplyFixtures(port);
        tag = ReplyFixtures.unique();
    }

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    @Test
    void aScheduledPostAppearsOnTheTimelineOnceWhenDueAndNotBefore() {
        var text = "Our stores close at 4pm on Christmas Eve. " + tag;
        var sendAt = appClock.instant().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        var scheduled = fixtures.admin()
                .post("/api/replies/posts", Map.of("channel", "sandbox", "text", text, "sendAt", sendAt.toString()));
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
        long id = scheduled.json().get("id").asLong();
        assertThat(scheduled.json().get("status").asString()).isEqualTo("SCHEDULED");

        posts.sendDue();
        assertThat(status(id)).isEqualTo("SCHEDULED");
        assertThat(fixtures.onTimeline(text)).isEmpty();

        clock.moveForward(Duration.ofHours(4));
        var racers = CompletableFuture.allOf(
                CompletableFuture.runAsync(posts::sendDue),
                CompletableFuture.runAsync(posts::sendDue),
                CompletableFuture.runAsync(posts::sendDue));
        racers.join();

        var post = fixtures.awaitOnceOnTimeline(text);
        assertThat(post.get("inReplyTo").isNull()).isTrue();
        assertThat(post.get("author").get("brand").asBoolean()).isTrue();
        assertThat(jdbc.sql("select count(*) from outbox where post_id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        await().atMost(ReplyFixtures.PATIENCE).until(() -> status(id).equals("SENT"));
        assertThat(fixtures.admin()
                        .get("/api/replies/scheduled")
                        .json()
                        .get("posts")
                        .toString())
                .contains(post.get("id").asString());
    }

    @Test
    void aCancelledPostNeverGoesOut() {
        var text = "Flash sale at noon! " + tag;
        var sendAt = appClock.instant().plus(Duration.ofHours(1));
        long id = fixtures.admin()
                .post("/api/replies/posts", Map.of("channel", "sandbox", "text", text, "sendAt", sendAt.toString()))
                .json()
                .get("id")
                .asLong();

        var cancelled = fixtures.admin().post("/api/replies/posts/" + id + "/cancel", Map.of());
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        clock.moveForward(Duration.ofHours(2));
        posts.sendDue();

        assertThat(status(id)).isEqualTo("CANCELLED");
        assertThat(fixtures.admin()
                        .post("/api/replies/posts/" + id + "/cancel", Map.of())
                        .status())
                .isEqualTo(400);
        assertThat(fixtures.onTimeline(text)).isEmpty();
    }

    @Test
    void aLocalTimeIsReadInTheZoneGivenAndAPastOneIsRefused() {
        var local = LocalDateTime.now(ZoneId.of("America/New_York"))
                .plusDays(2)
                .withHour(9)
                .withMinute(0)
                .withSecond(0)
                .withNano(0);
        var scheduled = fixtures.admin()
                .post(
                        "/api/replies/posts",
                        Map.of(
                                "channel",
                                "sandbox",
                                "text",
                                "Morning! " + tag,
                                "sendAt",
                                local.toString(),
                                "zone",
                                "America/New_York"));
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
        assertThat(scheduled.json().get("scheduledFor").asString())
                .isEqualTo(
                        local.atZone(ZoneId.of("America/New_York")).toInstant().toString());
        fixtures.admin().post("/api/replies/posts/" + scheduled.json().get("id").asLong() + "/cancel", Map.of());

        var past = fixtures.admin()
                .post(
                        "/api/replies/posts",
                        Map.of("channel", "sandbox", "text", "Too late", "sendAt", "2020-01-01T10:00:00Z"));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.json().get("detail").asString()).contains("has passed");
    }

    @Test
    void aNetworkThatTakesNoPostsOfTheBrandsOwnIsRefusedWithTheReason() {
        var refused = fixtures.admin()
                .post(
                        "/api/replies/posts",
                        Map.of(
                                "channel",
                                "facebook",
                                "text",
                                "Hello",
                                "sendAt",
                                appClock.instant().plus(Duration.ofHours(1)).toString()));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asString())
                .contains("facebook does not let Heard publish posts")
                .contains("Heard can post on: Sandbox");
        var targets = fixtures.admin().get("/api/replies/post-targets").json();
        assertThat(targets.toString()).contains("\"channel\":\"sandbox\"").doesNotContain("\"channel\":\"facebook\"");
    }

    private String status(long id) {
        return jdbc.sql("select status from reply_posts where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }
}
