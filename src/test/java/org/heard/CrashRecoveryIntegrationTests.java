package org.heard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Heard is killed with SIGKILL again and again while a network delivers posts to it from several
 * connections, and restarted on the same data each time, as after a crash or a pulled plug. Every post
 * Heard acknowledged must reach the inbox, exactly once; a post whose delivery went unanswered is
 * delivered again, as networks do, and must not be threaded twice even if the first delivery was
 * committed. Every other kill takes PostgreSQL down with Heard, as a killed container would, so the
 * next start also goes through PostgreSQL's crash recovery. Runs the packaged jar, so the embedded
 * PostgreSQL is the one operators get.
 */
class CrashRecoveryIntegrationTests {

    private static final int POSTS = 300;
    private static final int KILLS = 3;
    private static final int SENDERS = 4;
    private static final Duration READINESS = Duration.ofMinutes(3);

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Path work = Path.of("target", "crash-recovery", run).toAbsolutePath();
    private final Path dataDir = work.resolve("data");
    private final Path log = work.resolve("heard.log");
    private final long seed = System.nanoTime();
    private final Random random = new Random(seed);

    private final AtomicInteger next = new AtomicInteger();
    private final Map<Integer, String> bodies = new ConcurrentHashMap<>();
    private final Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
    private final Set<Integer> unanswered = ConcurrentHashMap.newKeySet();
    private final List<HeardProcess> started = new ArrayList<>();

    @AfterEach
    void leaveNothingRunning() {
        started.forEach(HeardProcess::destroyAll);
    }

    @Test
    void everyAcknowledgedPostIsThreadedExactlyOnceThoughHeardIsKilledWhileReceiving() {
        System.out.printf("Crash recovery run %s (seed %d), Heard logs to %s%n", run, seed, log);
        ProcessHandle orphanedPostgres = null;
        for (int kill = 1; kill <= KILLS; kill++) {
            var heard = start();
            if (orphanedPostgres != null) {
                assertThat(orphanedPostgres.isAlive())
                        .as("the PostgreSQL the killed Heard left running is stopped by the next one")
                        .isFalse();
            }
            orphanedPostgres = heard.postgres().orElseThrow();
            boolean withPostgres = kill % 2 == 0;
            deliverUntilKilled(heard, random.nextInt(15, 36), withPostgres);
            assertThat(heard.isAlive()).isFalse();
            assertThat(orphanedPostgres.isAlive())
                    .as("a SIGKILL to Heard alone gives it no chance to stop its PostgreSQL")
                    .isEqualTo(!withPostgres);
        }

        var heard = start();
        var network = heard.client();
        deliverRest(network);
        int recordedThoughUnanswered = 0;
        for (int i : unanswered) {
            var again = network.signedSandboxWebhook(bodies.get(i));
            assertThat(again.status()).as("post %d delivered again", i).isEqualTo(200);
            recordedThoughUnanswered += again.json().get("duplicates").asInt();
        }

        var admin = heard.client().asAdmin();
        await().atMost(Duration.ofMinutes(2)).until(() -> conversations(admin).size() >= bodies.size());
        var threaded = inboundExternalIds(admin);
        var sent = bodies.keySet().stream().map(this::postId).toList();
        var acknowledgedOnce = acknowledged.stream().map(this::postId).toList();

        assertThat(acknowledged.size() + unanswered.size()).isEqualTo(bodies.size());
        assertThat(threaded).as("no post threaded twice").doesNotHaveDuplicates();
        assertThat(threaded).as("every post acknowledged on its only delivery").containsAll(acknowledgedOnce);
        assertThat(threaded).as("the posts sent, and nothing else").containsExactlyInAnyOrderElementsOf(sent);

        stopsWithItsPostgres(heard);
        System.out.printf(
                "Crash recovery: %d posts, %d acknowledged on first delivery, %d delivered again after %d kills"
                        + " (%d of those were already recorded)%n",
                bodies.size(), acknowledged.size(), unanswered.size(), KILLS, recordedThoughUnanswered);
    }

    private HeardProcess start() {
        var heard = HeardProcess.start(dataDir, log, READINESS);
        started.add(heard);
        return heard;
    }

    /**
     * Several connections deliver posts until Heard has acknowledged {@code killAfter} more; then SIGKILL
     * to Heard, or to Heard and its PostgreSQL.
     */
    private void deliverUntilKilled(HeardProcess heard, int killAfter, boolean withPostgres) {
        var network = heard.client();
        var killed = new AtomicBoolean();
        int before = acknowledged.size();
        try (var senders = Executors.newFixedThreadPool(SENDERS)) {
            for (int s = 0; s < SENDERS; s++) {
                senders.execute(() -> {
                    while (!killed.get()) {
                        if (!deliverNext(network)) {
                            return;
                        }
                    }
                });
            }
            await().atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(5))
                    .until(() -> acknowledged.size() - before >= killAfter || next.get() >= POSTS);
            killed.set(true);
            if (withPostgres) {
                heard.killWithPostgres();
            } else {
                heard.kill();
            }
        }
    }

    private void deliverRest(HeardClient network) {
        try (var senders = Executors.newFixedThreadPool(SENDERS)) {
            for (int s = 0; s < SENDERS; s++) {
                senders.execute(() -> {
                    while (deliverNext(network)) {
                        // until every post is sent
                    }
                });
            }
        }
    }

    /** Sends the next post, each by a new author; false when all are sent. */
    private boolean deliverNext(HeardClient network) {
        int i = next.getAndIncrement();
        if (i >= POSTS) {
            return false;
        }
        var body = SandboxPayloads.post(
                postId(i),
                "crash-author-" + run + "-" + i,
                "crash" + i,
                "@heardbrand where is order " + i,
                null,
                false);
        bodies.put(i, body);
        try {
            if (network.signedSandboxWebhook(body).status() == 200) {
                acknowledged.add(i);
                return true;
            }
        } catch (IllegalStateException connectionLost) {
            // Heard died before answering: the post may or may not be in its log.
        }
        unanswered.add(i);
        return true;
    }

    private String postId(int i) {
        return run + "-" + i;
    }

    private static List<JsonNode> conversations(HeardClient admin) {
        return admin.allConversations("status=all");
    }

    private static List<String> inboundExternalIds(HeardClient admin) {
        var ids = new ArrayList<String>();
        for (var conversation : conversations(admin)) {
            var detail = admin.get(
                            "/api/conversations/" + conversation.get("id").asLong())
                    .json();
            detail.get("messages").forEach(message -> {
                if ("INBOUND".equals(message.get("direction").asString())) {
                    ids.add(message.get("externalId").asString());
                }
            });
        }
        return ids;
    }

    private static void stopsWithItsPostgres(HeardProcess heard) {
        var postgres = heard.postgres().orElseThrow();

        int exit = heard.stop(Duration.ofSeconds(60));

        assertThat(exit).as("exit code after SIGTERM").isIn(0, 143);
        assertThat(heard.postgres())
                .as("PostgreSQL shut down cleanly and removed its pid file")
                .isEmpty();
        // pg_ctl returns once the pid file is gone; the postmaster exits a moment later.
        await().atMost(Duration.ofSeconds(10)).until(() -> !postgres.isAlive());
    }
}
