package org.heard.channels.sandbox;

import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.heard.platform.Refused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Realistic customer traffic on the sandbox network, for demos and load tests: complaints, questions,
 * praise, follow-ups in the same thread and private messages, at a chosen rate.
 */
@SandboxEnabled
@Component
class TrafficGenerator {

    private static final Logger log = LoggerFactory.getLogger(TrafficGenerator.class);
    static final int MAX_PER_MINUTE = 60_000;

    private static final List<String> PUBLIC_POSTS = List.of(
            "@heardbrand my order #4471 was supposed to arrive Tuesday and still nothing. Any news?",
            "@heardbrand charged twice for the same subscription this month 😤 who do I talk to?",
            "Loving the new app update @heardbrand, checkout is so much faster now 🙌",
            "@heardbrand is the service down? Can't log in since this morning",
            "@heardbrand how do I change the delivery address on an order I already placed?",
            "been on hold for 45 minutes @heardbrand... sooo frustrating!!!",
            "@heardbrand do you ship to Ireland? can't find it on the site",
            "@heardbrand the replacement charger you sent is faulty too. not happy.",
            "shoutout to @heardbrand support, sorted my refund in 5 minutes. impressed",
            "@heardbrand my package says delivered but it's not here. neighbours don't have it either",
            "@heardbrand why was my account locked?? I need to pay a bill today",
            "Is there a student discount @heardbrand?",
            "@heardbrand <script>alert('hi')</script> lol does your site even escape this");
    private static final List<String> FOLLOW_UPS = List.of(
            "still waiting on this…",
            "any update? it's been hours",
            "thanks, that worked!",
            "sent you a DM with the details",
            "ok I'll try that");
    private static final List<String> PRIVATE_MESSAGES = List.of(
            "Hi, my order number is 4471 and the email on it is on the account. Can you check where it is?",
            "I was charged twice, the last four digits of the card are 1234. Please refund one.",
            "Hello, I'd like to cancel my subscription please.",
            "Can someone call me back? It's about a billing mistake.");

    private final SandboxNetwork network;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("heard-sandbox-generator").daemon().factory());
    private ScheduledFuture<?> task;
    private volatile int perMinute;
    private double owed;

    TrafficGenerator(SandboxNetwork network) {
        this.network = network;
    }

    synchronized void start(int perMinute) {
        if (perMinute < 1 || perMinute > MAX_PER_MINUTE) {
            throw new Refused("Choose between 1 and " + MAX_PER_MINUTE + " posts a minute.");
        }
        stop();
        this.perMinute = perMinute;
        this.owed = 1;
        task = ticker.scheduleAtFixedRate(this::tick, 0, 200, TimeUnit.MILLISECONDS);
        log.info("Sandbox traffic started: {} posts a minute", perMinute);
    }

    synchronized void stop() {
        if (task != null) {
            task.cancel(false);
            task = null;
            log.info("Sandbox traffic stopped");
        }
        perMinute = 0;
    }

    /** Whether demo traffic is flowing; public for the sandbox page's template. */
    public boolean running() {
        return task != null;
    }

    public int perMinute() {
        return perMinute;
    }

    private void tick() {
        int due;
        synchronized (this) {
            owed += perMinute / 300.0;
            due = (int) owed;
            owed -= due;
        }
        for (int i = 0; i < due; i++) {
            try {
                postOne();
            } catch (RuntimeException e) {
                log.warn("Sandbox traffic could not post: {}", e.getMessage());
            }
        }
    }

    private void postOne() {
        var random = ThreadLocalRandom.current();
        var customers = network.personas().stream().filter(p -> !p.brand()).toList();
        var author = customers.get(random.nextInt(customers.size()));
        double roll = random.nextDouble();
        if (roll < 0.15) {
            network.post(author.handle(), pick(PRIVATE_MESSAGES), null, true);
            return;
        }
        if (roll < 0.35) {
            var own = network.recent(50).stream()
                    .filter(p -> !p.isPrivate() && p.author().id() == author.id())
                    .findFirst();
            if (own.isPresent()) {
                network.post(author.handle(), pick(FOLLOW_UPS), own.get().id(), false);
                return;
            }
        }
        network.post(author.handle(), pick(PUBLIC_POSTS), null, false);
    }

    private static String pick(List<String> texts) {
        return texts.get(ThreadLocalRandom.current().nextInt(texts.size()));
    }

    @PreDestroy
    void shutdown() {
        ticker.shutdownNow();
    }
}
