package org.heard.triage.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.heard.HeardClient;
import org.heard.IntegrationTest;
import org.heard.MovableClock;
import org.heard.conversations.ConversationTriage;
import org.heard.triage.ServiceLevelBreached;
import org.heard.triage.pipeline.ServiceLevels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Service levels of real threaded conversations: clocks that start on a customer's message and stop
 * on a person's reply, warnings and breaches announced once each, and time moved on a clock instead of
 * waited for.
 */
@IntegrationTest
class ServiceLevelsIntegrationTests {

    static final String QUEUE = "sla-tests";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConversationTriage triage;

    @Autowired
    ServiceLevels serviceLevels;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MovableClock clock;

    @Autowired
    ServiceLevelWatcher watcher;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ConfigurableApplicationContext context;

    TriageScene scene;
    HeardClient supervisor;
    final List<ServiceLevelBreached> announced = new CopyOnWriteArrayList<>();
    ApplicationListener<PayloadApplicationEvent<ServiceLevelBreached>> listener;

    @BeforeEach
    void setUp() {
        scene = new TriageScene(port, jdbc, triage, serviceLevels, transactions);
        supervisor = new HeardClient(port).asAdmin();
        scene.queue(QUEUE);
        scene.routeTo(QUEUE);
        listener = ApplicationListener.forPayload(announced::add);
        context.addApplicationListener(listener);
        var policy = HoursRequests.send(
                supervisor,
                "POST",
                "/api/triage/service-levels",
                Map.of(
                        "name",
                        "Tests",
                        "scope",
                        "QUEUE",
                        "scopeValue",
                        QUEUE,
                        "firstResponse",
                        "10m",
                        "nextResponse",
                        "20m",
                        "resolution",
                        "2h",
                        "businessHours",
                        false,
                        "warnAtPercent",
                        50));
        assertThat(policy.status()).as(policy.body()).isEqualTo(201);
    }

    @AfterEach
    void tearDown() {
        clock.reset();
        scene.stopRouting();
        context.getBean(ApplicationEventMulticaster.class).removeApplicationListener(listener);
        jdbc.sql("delete from triage_service_level_policies where scope = 'QUEUE' and scope_value = ?")
                .param(QUEUE)
                .update();
    }

    @Test
    void aPersonsReplyStopsTheResponseClockAndAnAutomatedReplyDoesNot() {
        var person = TriageScene.person();
        var before = java.time.Instant.now();
        var first = scene.writes(person, "My card was charged but the order vanished", true);
        long id = first.conversationId();

        var due = scene.triaged(first, QUEUE);

        // The clock starts when Heard threads the message, between sending it and seeing it stored.
        assertThat(due)
                .isBetween(
                        before.plus(Duration.ofMinutes(10)), first.receivedAt().plus(Duration.ofMinutes(10)));
        var started = due.minus(Duration.ofMinutes(10));
        assertThat(scene.due(id)).isEqualTo("first response at " + due);
        assertThat(scene.clocks(id)).containsExactly("first-response running", "resolution running");

        transactions.executeWithoutResult(s -> triage.replyAutomatically(id, "Automatic reply: we got your message."));
        assertThat(scene.clocks(id)).containsExactly("first-response running", "resolution running");

        var reply = supervisor.post(
                "/api/conversations/" + id + "/replies",
                Map.of("text", "Looking now, sorry!", "visibility", "private"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(scene.clocks(id)).containsExactly("first-response stopped", "resolution running");
        assertThat(scene.due(id)).isEqualTo("resolution at " + started.plus(Duration.ofHours(2)));

        var beforeAgain = java.time.Instant.now();
        var again = scene.writes(person, "Any news?", true);
        assertThat(again.conversationId()).isEqualTo(id);
        var next = scene.triaged(again, QUEUE);
        assertThat(next)
                .isBetween(
                        beforeAgain.plus(Duration.ofMinutes(20)),
                        again.receivedAt().plus(Duration.ofMinutes(20)));
        assertThat(scene.due(id)).startsWith("next response at ");
        assertThat(scene.clocks(id))
                .containsExactly("first-response stopped", "resolution running", "next-response running");

        var third = scene.writes(person, "Hello?", true);
        assertThat(scene.triaged(third, QUEUE))
                .as("a running clock keeps its deadline")
                .isEqualTo(next);

        supervisor.post("/api/conversations/" + id + "/status", Map.of("status", "RESOLVED"));
        assertThat(scene.clocks(id))
                .containsExactly("first-response stopped", "resolution stopped", "next-response stopped");
        assertThat(scene.due(id)).isEqualTo("nothing due");
    }

    @Test
    void aClockWarnsOnceAndBreachesOnceHoweverOftenItIsWatched() {
        var written = scene.writes(TriageScene.person(), "Where is my refund?", false);
        long id = written.conversationId();
        var due = scene.triaged(written, QUEUE);
        double warningsBefore = counted("heard.sla.warnings");
        double breachesBefore = counted("heard.sla.breaches");

        watcher.sweep();
        assertThat(of(id)).isEmpty();

        clock.moveForward(Duration.ofMinutes(6));
        await().atMost(TriageScene.PATIENCE).until(() -> {
            watcher.sweep();
            return of(id).size() == 1;
        });
        watcher.sweep();
        watcher.sweep();
        assertThat(of(id)).containsExactly(new ServiceLevelBreached(id, "first-response", due, true));

        clock.moveForward(Duration.ofMinutes(5));
        await().atMost(TriageScene.PATIENCE).until(() -> {
            watcher.sweep();
            return of(id).size() == 2;
        });
        watcher.sweep();
        assertThat(of(id))
                .containsExactly(
                        new ServiceLevelBreached(id, "first-response", due, true),
                        new ServiceLevelBreached(id, "first-response", due, false));

        // Other tests' clocks may run out too while time is moved on: at least this one is counted.
        assertThat(counted("heard.sla.warnings")).isGreaterThanOrEqualTo(warningsBefore + 1);
        assertThat(counted("heard.sla.breaches")).isGreaterThanOrEqualTo(breachesBefore + 1);

        var alerts = supervisor.get("/api/triage/alerts").json();
        var mine = new java.util.ArrayList<String>();
        alerts.forEach(a -> {
            if (a.get("conversationId").asLong() == id) {
                mine.add(a.get("message").asString());
            }
        });
        assertThat(mine).hasSize(2);
        assertThat(mine.getFirst()).startsWith("Conversation #" + id + " missed its first response (due ");
        assertThat(mine.get(1)).startsWith("Conversation #" + id + " is close to missing its first response");
    }

    private double counted(String name) {
        var counter = meters.find(name).tag("clock", "first-response").counter();
        return counter == null ? 0 : counter.count();
    }

    private List<ServiceLevelBreached> of(long conversationId) {
        return announced.stream()
                .filter(e -> e.conversationId() == conversationId)
                .toList();
    }
}
