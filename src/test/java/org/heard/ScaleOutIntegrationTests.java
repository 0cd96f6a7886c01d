package org.heard;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.heard.platform.EmbeddedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Three Heard nodes share one PostgreSQL and the RabbitMQ at 127.0.0.1:5672, as in production behind a
 * load balancer: nodes A and B run in this JVM, node C is the packaged jar in a process of its own, so it
 * can be killed with SIGKILL. What one node does, a page open on another sees at once; every node sends
 * from the outbox, and each reply goes out once; a node killed while it receives loses no post it
 * acknowledged. The database is this test's own, not the shared test application's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String BRAND_POSTS = "/api/sandbox/brand/posts";
    private static final String CREDENTIALS_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Path work = Path.of("target", "scale-out", run).toAbsolutePath();
    private final String exchange = "heard.test." + run;
    private final WireMockServer network = new WireMockServer(options().dynamicPort());
    private final List<EventStream> streams = new ArrayList<>();
    private EmbeddedDatabase database;
    private ConfigurableApplicationContext a;
    private ConfigurableApplicationContext b;
    private HeardProcess c;

    @BeforeAll
    void startThreeNodes() throws IOException {
        rabbitMqAnswers();
        database = EmbeddedDatabase.start(work.resolve("postgres"));
        network.start();
        // A little time on the wire, so that nodes racing for the same reply would overlap.
        network.stubFor(post(urlEqualTo(BRAND_POSTS))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withFixedDelay(50)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"{{request.headers.Idempotency-Key}}\"}")
                        .withTransformers("response-template")));
        var processNode = CompletableFuture.supplyAsync(() ->
                HeardProcess.start(work.resolve("c"), work.resolve("c.log"), Duration.ofMinutes(8), environment("c")));
        try {
            a = node("a");
            b = node("b");
        } finally {
            c = processNode.join();
        }
    }

    @AfterAll
    void stopAll() {
        streams.forEach(EventStream::close);
        if (a != null) {
            a.getBean(AmqpAdmin.class).deleteExchange(exchange);
            a.close();
        }
        if (b != null) {
            b.close();
        }
        if (c != null) {
            c.destroyAll();
        }
        network.stop();
        if (database != null) {
            try {
                database.close();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    @Order(0)
    void everyNodeCountsTheBrokerInItsReadiness() {
        for (var node : List.of(a, b)) {
            assertThat(node.getEnvironment().getProperty("management.endpoint.health.group.readiness.include"))
                    .contains("rabbit");
            assertThat(client(node).get("/actuator/health/readiness").status()).isEqualTo(200);
        }
        assertThat(c.client().get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    @Order(1)
    void aPostDeliveredToOneNodeAppearsLiveInTheInboxesOpenOnEveryNode() {
        var onA = open(admin(a), "/api/inbox/stream");
        var onB = open(admin(b), "/api/inbox/stream");
        var onC = open(c.client().asAdmin(), "/api/inbox/stream");
        var tag = "live-" + UUID.randomUUID().toString().substring(0, 8);

        assertThat(client(a)
                        .signedSandboxWebhook(SandboxPayloads.post(tag, "author-" + tag, "Order " + tag))
                        .status())
                .isEqualTo(200);

        // One node threads the post; the other two can only have heard of it through RabbitMQ.
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(List.of(onA, onB, onC))
                        .allSatisfy(stream ->
                                assertThat(stream.has("conversation", tag)).isTrue()));
    }

    @Test
    @Order(2)
    void aColleagueViewingAConversationOnOneNodeIsSeenFromAnother() {
        var adminOnA = admin(a);
        var email = "vera-" + run + "@example.com";
        assertThat(adminOnA.post(
                                "/api/admin/users",
                                Map.of(
                                        "email",
                                        email,
                                        "name",
                                        "Vera Viewer",
                                        "password",
                                        "a-long-enough-password",
                                        "role",
                                        "AGENT"))
                        .status())
                .isEqualTo(201);
        var veraOnA = client(a).signIn(email, "a-long-enough-password");
        var adminOnB = admin(b);
        long conversation = adminOnB.conversationWithANewCustomer("viewed-" + run);
        var paneOnB = open(adminOnB, "/api/inbox/stream");

        assertThat(veraOnA.post("/inbox/" + conversation + "/viewing?typing=true", Map.of())
                        .status())
                .isEqualTo(204);

        await().atMost(PATIENCE).until(() -> paneOnB.has("viewers", "\"conversationId\":" + conversation));
        assertThat(adminOnB.get("/inbox/" + conversation + "/viewers").body()).contains("Vera Viewer");
    }

    @Test
    @Order(3)
    void everyNodeSendsFromTheOutboxAndEachReplyGoesOutOnce() {
        var nodes = List.of(admin(a), admin(b), c.client().asAdmin());
        var marker = "once-" + run;
        var replies = new HashMap<Long, Long>();
        for (int i = 0; i < 12; i++) {
            var node = nodes.get(i % nodes.size());
            long conversation = node.conversationWithANewCustomer(marker + "-" + i);
            var reply = node.post(
                    "/api/conversations/" + conversation + "/replies", Map.of("text", "On it " + marker + " " + i));
            assertThat(reply.status()).as(reply.body()).isEqualTo(201);
            replies.put(reply.json().get("id").asLong(), conversation);
        }

        var adminOnA = nodes.getFirst();
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(replies.entrySet())
                        .allSatisfy(reply -> assertThat(adminOnA.message(reply.getValue(), reply.getKey())
                                        .get("deliveryState")
                                        .asString())
                                .isEqualTo("SENT")));
        var sendsByKey =
                network.findAll(postRequestedFor(urlEqualTo(BRAND_POSTS)).withRequestBody(containing(marker))).stream()
                        .collect(Collectors.groupingBy(r -> r.getHeader("Idempotency-Key"), Collectors.counting()));
        assertThat(sendsByKey)
                .as("each reply sent once, by one of the three nodes")
                .hasSize(replies.size())
                .allSatisfy((key, sends) -> assertThat(sends).isEqualTo(1L));
        assertThat(sendsByKey.keySet())
                .containsExactlyInAnyOrderElementsOf(replies.keySet().stream()
                        .map(id -> "heard-message-" + id)
                        .toList());
    }

    @Test
    @Order(4)
    void killingANodeWhileItReceivesLosesNoPostItAcknowledged() {
        var survivor = client(a);
        var bodies = new ConcurrentHashMap<String, String>();
        var acknowledged = ConcurrentHashMap.<String>newKeySet();
        var unanswered = ConcurrentHashMap.<String>newKeySet();
        var next = new AtomicInteger();
        var killed = new AtomicBoolean();
        var onC = c.client();
        try (var senders = Executors.newFixedThreadPool(4)) {
            for (int s = 0; s < 4; s++) {
                senders.execute(() -> {
                    while (!killed.get()) {
                        var id = "kill-" + run + "-" + next.getAndIncrement();
                        var body = SandboxPayloads.post(id, "author-" + id, "Where is order " + id);
                        bodies.put(id, body);
                        deliver(onC, id, body, acknowledged, unanswered);
                    }
                });
            }
            await().atMost(Duration.ofMinutes(1)).until(() -> acknowledged.size() >= 30);
            c.kill();
            killed.set(true);
        }
        // As a network does, what got no answer is delivered again, to a node that is still there.
        for (var id : Set.copyOf(unanswered)) {
            assertThat(survivor.signedSandboxWebhook(bodies.get(id)).status()).isEqualTo(200);
        }

        var admin = admin(a);
        var threaded = await().atMost(PATIENCE)
                .until(() -> inboundPostsFrom(admin, "kill-" + run), ids -> ids.size() >= bodies.size());
        assertThat(threaded).as("no post threaded twice").doesNotHaveDuplicates();
        assertThat(threaded).as("every post acknowledged by the killed node").containsAll(acknowledged);
        assertThat(threaded).containsExactlyInAnyOrderElementsOf(bodies.keySet());
    }

    private static void deliver(
            HeardClient node, String id, String body, Set<String> acknowledged, Set<String> unanswered) {
        try {
            if (node.signedSandboxWebhook(body).status() == 200) {
                acknowledged.add(id);
                return;
            }
        } catch (IllegalStateException connectionLost) {
            // The node died before answering: the post may or may not be in the log.
        }
        unanswered.add(id);
    }

    /** A node in this JVM, configured as {@link #environment} configures the process. */
    private ConfigurableApplicationContext node(String name) {
        return new SpringApplicationBuilder(Heard.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + database.jdbcUrl(),
                        "--spring.datasource.username=postgres",
                        "--heard.channels.credentials-key=" + CREDENTIALS_KEY,
                        "--heard.broker=rabbitmq",
                        "--heard.node-name=" + name,
                        "--heard.broadcasts.exchange=" + exchange,
                        "--spring.rabbitmq.host=127.0.0.1",
                        "--heard.sandbox.base-url=" + network.baseUrl(),
                        "--heard.admin.email=" + TestUsers.ADMIN_EMAIL,
                        "--heard.admin.password=" + TestUsers.ADMIN_PASSWORD);
    }

    /** How an operator configures a node: environment variables. */
    private Map<String, String> environment(String name) {
        var environment = new HashMap<String, String>();
        environment.put("SPRING_DATASOURCE_URL", database.jdbcUrl());
        environment.put("SPRING_DATASOURCE_USERNAME", "postgres");
        environment.put("HEARD_CREDENTIALS_KEY", CREDENTIALS_KEY);
        environment.put("HEARD_BROKER", "rabbitmq");
        environment.put("HEARD_NODE_NAME", name);
        environment.put("HEARD_BROADCASTS_EXCHANGE", exchange);
        environment.put("SPRING_RABBITMQ_HOST", "127.0.0.1");
        environment.put("HEARD_SANDBOX_BASE_URL", network.baseUrl());
        environment.put("HEARD_ADMIN_EMAIL", TestUsers.ADMIN_EMAIL);
        environment.put("HEARD_ADMIN_PASSWORD", TestUsers.ADMIN_PASSWORD);
        return environment;
    }

    private static void rabbitMqAnswers() {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5672), 2000);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "The scale-out test needs RabbitMQ at 127.0.0.1:5672 (user guest/guest), as on CI's machine;"
                            + " none answers: start it (service rabbitmq-server start) and run the test again",
                    e);
        }
    }

    private EventStream open(HeardClient client, String path) {
        var stream = EventStream.open(client, path);
        streams.add(stream);
        return stream;
    }

    private static HeardClient client(ConfigurableApplicationContext node) {
        return new HeardClient(Integer.parseInt(node.getEnvironment().getProperty("local.server.port")));
    }

    private static HeardClient admin(ConfigurableApplicationContext node) {
        return client(node).asAdmin();
    }

    /** The network ids of the customers' posts threaded into conversations, of posts whose id starts so. */
    private static List<String> inboundPostsFrom(HeardClient admin, String prefix) {
        Function<JsonNode, List<String>> inbound = conversation -> {
            var ids = new ArrayList<String>();
            admin.get("/api/conversations/" + conversation.get("id").asLong())
                    .json()
                    .get("messages")
                    .forEach(message -> {
                        var externalId = message.get("externalId").asString();
                        if ("INBOUND".equals(message.get("direction").asString()) && externalId.startsWith(prefix)) {
                            ids.add(externalId);
                        }
                    });
            return ids;
        };
        return admin.allConversations("status=all").stream()
                .filter(item -> item.get("customerHandle").asString().startsWith("personauthor-" + prefix))
                .flatMap(item -> inbound.apply(item).stream())
                .toList();
    }
}
