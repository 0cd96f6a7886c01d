package org.heard;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
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
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Heard is killed with SIGKILL again and again while a network delivers posts to it from several
 * connections, and restarted on the same data each time, as after a crash or a pulled plug. Every post
 * Heard acknowledged must reach the inbox, exactly once; a post whose delivery went unanswered is
 * delivered again, as networks do, and must not be threaded twice even if the first delivery was
 * committed. Every other kill takes PostgreSQL down with Heard, as a killed container would, so the
 * next start also goes through PostgreSQL's crash recovery. Meanwhile an agent replies to the
 * conversations as they appear; the brand's replies go to a network simulated by WireMock, which
 * counts them by idempotency key: every reply Heard accepted reaches the network, and none is posted as
 * two. Runs the packaged jar, so the embedded PostgreSQL is the one operators get.
 */
class CrashRecoveryIntegrationTests {

    private static final int POSTS = 300;
    private static final int KILLS = 5;
    private static final int SENDERS = 4;
    private static final Duration READINESS = Duration.ofMinutes(3);
    private static final String BRAND_POSTS = "/api/sandbox/brand/posts";

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
    private final Set<Long> replied = ConcurrentHashMap.newKeySet();
    private final Set<Long> repliesAccepted = ConcurrentHashMap.newKeySet();
    private final List<Throwable> replierFailures = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final WireMockServer brandNetwork = new WireMockServer(options().dynamicPort());

    @BeforeEach
    void networkTakesTheBrandsReplies() {
        brandNetwork.start();
        brandNetwork.stubFor(post(BRAND_POSTS)
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\": \"brand-{{request.headers.Idempotency-Key}}\"}")
                        .withTransformers("response-template")));
    }

    @AfterEach
    void leaveNothingRunning() {
        started.forEach(HeardProcess::destroyAll);
        brandNetwork.stop();
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

        assertThat(replierFailures).as("the agent replied without surprises").isEmpty();
        int repliedUnderKills = repliesAccepted.size();
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
        var settled = settledConversations(admin, bodies.size());
        var threaded = inboundExternalIds(admin, settled);
        var sent = bodies.keySet().stream().map(this::postId).toList();
        var acknowledgedOnce = acknowledged.stream().map(this::postId).toList();

        assertThat(acknowledged.size() + unanswered.size()).isEqualTo(bodies.size());
        assertThat(threaded).as("no post threaded twice").doesNotHaveDuplicates();
        assertThat(threaded).as("every post acknowledged on its only delivery").containsAll(acknowledgedOnce);
        assertThat(threaded).as("the posts sent, and nothing else").containsExactlyInAnyOrderElementsOf(sent);

        replyToEveryConversation(admin, settled);
        var requestsByKey = everyReplyReachedTheNetworkOnce(admin, settled);

        stopsWithItsPostgres(heard);
        System.out.printf(
                "Crash recovery: %d posts, %d acknowledged on first delivery, %d delivered again after %d kills"
                        + " (%d of those were already recorded); %d replies accepted (%d while Heard was being"
                        + " killed), %d stored, %d sent again under their idempotency key after a kill%n",
                bodies.size(),
                acknowledged.size(),
                unanswered.size(),
                KILLS,
                recordedThoughUnanswered,
                repliesAccepted.size(),
                repliedUnderKills,
                requestsByKey.size(),
                requestsByKey.values().stream().filter(n -> n > 1).count());
    }

    /**
     * Every reply Heard accepted, and any it stored though its answer was lost in a kill, reaches the
     * network under one idempotency key of its own; a reply sent again after a kill comes with the same
     * key and the same words, so the network posts it once. Returns the requests per key.
     */
    private Map<String, Long> everyReplyReachedTheNetworkOnce(HeardClient admin, List<JsonNode> conversations) {
        var stored = await().atMost(Duration.ofMinutes(2))
                .until(
                        () -> outboundReplies(admin, conversations),
                        replies -> replies.values().stream().allMatch(state -> state.equals("SENT")));
        var requests = brandNetwork.findAll(postRequestedFor(urlEqualTo(BRAND_POSTS)));
        var byKey = requests.stream()
                .collect(Collectors.groupingBy(r -> r.getHeader("Idempotency-Key"), Collectors.counting()));
        var accepted = repliesAccepted.stream().map(id -> "heard-message-" + id).toList();
        assertThat(stored.keySet()).as("every accepted reply is stored").containsAll(repliesAccepted);
        assertThat(byKey.keySet())
                .as("every stored reply reached the network, and nothing else did")
                .containsExactlyInAnyOrderElementsOf(stored.keySet().stream()
                        .map(id -> "heard-message-" + id)
                        .toList())
                .containsAll(accepted);
        requests.stream()
                .collect(Collectors.groupingBy(
                        r -> r.getHeader("Idempotency-Key"),
                        Collectors.mapping(r -> r.getBodyAsString(), Collectors.toSet())))
                .forEach((key, texts) -> assertThat(texts)
                        .as("every try of %s carries the same reply", key)
                        .hasSize(1));
        assertThat(stored.size())
                .as("one reply stored for each conversation answered, whatever the kills cut off")
                .isBetween(repliesAccepted.size(), replied.size());
        return byKey;
    }

    /** The brand's replies Heard stored, by message id, with their delivery state. */
    private static Map<Long, String> outboundReplies(HeardClient admin, List<JsonNode> conversations) {
        var replies = new java.util.HashMap<Long, String>();
        for (var conversation : conversations) {
            var detail = admin.get(
                            "/api/conversations/" + conversation.get("id").asLong())
                    .json();
            detail.get("messages").forEach(message -> {
                if ("OUTBOUND".equals(message.get("direction").asString())) {
                    replies.put(
                            message.get("id").asLong(),
                            message.get("deliveryState").asString());
                }
            });
        }
        return replies;
    }

    /** The agent answers conversations it has not answered yet, until Heard stops answering. */
    private void replyWhileAlive(HeardClient agent, AtomicBoolean killed) {
        while (!killed.get()) {
            try {
                if (!replyToOne(agent)) {
                    Thread.onSpinWait();
                }
            } catch (IllegalStateException connectionLost) {
                return;
            } catch (RuntimeException | AssertionError unexpected) {
                replierFailures.add(unexpected);
                return;
            }
        }
    }

    private void replyToEveryConversation(HeardClient agent, List<JsonNode> conversations) {
        for (var conversation : conversations) {
            long id = conversation.get("id").asLong();
            if (replied.add(id)) {
                reply(agent, id);
            }
        }
    }

    /** Replies in one conversation not answered before; false when there is none. */
    private boolean replyToOne(HeardClient agent) {
        var unanswered = agent.get("/api/conversations?limit=20&status=new")
                .json()
                .get("items")
                .valueStream()
                .map(c -> c.get("id").asLong())
                .filter(replied::add)
                .findFirst();
        if (unanswered.isEmpty()) {
            return false;
        }
        // Marked before sending: a reply whose answer a kill cut off may or may not be stored, never twice.
        reply(agent, unanswered.get());
        return true;
    }

    private void reply(HeardClient agent, long conversationId) {
        var reply = agent.post(
                "/api/conversations/" + conversationId + "/replies",
                Map.of("text", "We are on it, order reference " + conversationId));
        if (reply.status() == 201) {
            repliesAccepted.add(reply.json().get("id").asLong());
        }
    }

    private HeardProcess start() {
        var heard = HeardProcess.start(
                dataDir,
                log,
                READINESS,
                // A reply claimed by a killed Heard is offered again after the lease: a short one, so the story
                // does not wait two minutes for the replies the last kill cut off.
                Map.of("HEARD_SANDBOX_BASE_URL", brandNetwork.baseUrl(), "HEARD_OUTBOX_LEASE", "10s"));
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
        int repliesBefore = repliesAccepted.size();
        // The kill also lands while the outbox is sending some of this life's replies.
        int repliesFirst = random.nextInt(2, 8);
        int lifeCap = Math.min(POSTS, next.get() + POSTS / (KILLS + 1));
        int answeredBefore = acknowledged.size() + unanswered.size();
        int toAnswer = Math.min(killAfter, lifeCap - next.get());
        try (var senders = Executors.newFixedThreadPool(SENDERS + 1)) {
            var agent = heard.client().asAdmin();
            senders.execute(() -> replyWhileAlive(agent, killed));
            for (int s = 0; s < SENDERS; s++) {
                senders.execute(() -> {
                    // Posts arrive until the kill, but some are kept for the lives after this one.
                    while (!killed.get() && next.get() < lifeCap) {
                        if (!deliverNext(network)) {
                            return;
                        }
                    }
                });
            }
            await().atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(5))
                    .until(() -> acknowledged.size() + unanswered.size() - answeredBefore >= toAnswer
                            && repliesAccepted.size() - repliesBefore >= repliesFirst);
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

    /**
     * Every conversation, once there are at least {@code expected} and two walks of the inbox in a row list the same
     * ones, each once. The inbox is walked in priority order, and the second reading of the messages just threaded
     * may still be changing priorities: a conversation that moves during a walk can be met twice or missed.
     */
    private static List<JsonNode> settledConversations(HeardClient admin, int expected) {
        var last = new java.util.concurrent.atomic.AtomicReference<List<JsonNode>>(List.of());
        await().atMost(Duration.ofMinutes(2)).until(() -> {
            var before = ids(last.get());
            var walk = conversations(admin);
            last.set(walk);
            var now = ids(walk);
            return now.size() >= expected && new java.util.HashSet<>(now).size() == now.size() && now.equals(before);
        });
        return last.get();
    }

    private static List<Long> ids(List<JsonNode> conversations) {
        return conversations.stream().map(c -> c.get("id").asLong()).sorted().toList();
    }

    private static List<String> inboundExternalIds(HeardClient admin, List<JsonNode> conversations) {
        var ids = new ArrayList<String>();
        for (var conversation : conversations) {
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
