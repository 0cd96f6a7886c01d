import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Heard's live-latency benchmark: how long a customer's post takes from the moment Heard acknowledges
 * the network's webhook to the moment an open inbox hears of it over server-sent events. It starts the
 * packaged jar on a fresh data directory, measures startup, opens the inbox stream as a signed-in
 * agent, delivers signed sandbox webhooks at fixed rates and writes the figures as JSON.
 *
 * <p>Run with JDK 25 as a source-file program; {@code bench/live-latency.sh} does it for you:
 * {@code java bench/LiveLatency.java --jar target/heard-0.1.0-SNAPSHOT.jar --rates 50,500 --posts 1000}
 */
public class LiveLatency {

    static final Pattern MARKER = Pattern.compile("\\[p(\\d+)-(\\d+)]");

    final Map<String, String> options;
    final HttpClient http = Options.client();
    final Map<String, Long> seenAt = new ConcurrentHashMap<>();
    final Map<String, CountDownLatch> awaited = new ConcurrentHashMap<>();

    LiveLatency(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        new LiveLatency(Options.parse(
                        args,
                        Map.of(
                                "jar", "target/heard-0.1.0-SNAPSHOT.jar",
                                "rates", "50,500,1000",
                                "posts", "1000",
                                "warmup", "500",
                                "out", "bench/results/live-latency.json",
                                "work", "target/bench")))
                .run();
    }

    void run() throws Exception {
        var work = Path.of(options.get("work"), "run-" + System.currentTimeMillis()).toAbsolutePath();
        Files.createDirectories(work);
        var log = work.resolve("heard.log");
        var machineBefore = Machine.loadAverage();

        var first = Heard.start(Path.of(options.get("jar")), work.resolve("data"), log, http);
        var results = new LinkedHashMap<String, Object>();
        results.put("startup_fresh_data_dir", first.startup());
        var token = first.signIn(http);
        var stream = openInboxStream(first.port(), token);

        int warmup = Integer.parseInt(options.get("warmup"));
        int posts = Integer.parseInt(options.get("posts"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "0"));
        if (warmup > 0) {
            System.out.printf("warm-up: %d posts at 50/s (not counted)%n", warmup);
            deliver(first, 0, warmup, 50);
        }
        var runs = new ArrayList<Map<String, Object>>();
        int phase = 1;
        for (var rate : options.get("rates").split(",")) {
            int perSecond = Integer.parseInt(rate.trim());
            // --seconds keeps each rate up for as long, so a high rate is more than a short burst.
            int count = seconds > 0 ? perSecond * seconds : posts;
            System.out.printf("run: %d posts at %d/s%n", count, perSecond);
            runs.add(deliver(first, phase++, count, perSecond));
        }
        results.put("runs", runs);
        stream.cancel(true);
        int exit = first.stop();

        var again = Heard.start(Path.of(options.get("jar")), work.resolve("data"), log, http);
        results.put("startup_existing_data_dir", again.startup());
        again.stop();

        var report = new LinkedHashMap<String, Object>();
        report.put("benchmark", "live-latency");
        report.put("measured_at", Instant.now().toString());
        report.put("heard_commit", options.getOrDefault("commit", "unknown"));
        report.put("machine", Machine.describe(machineBefore, Heard.JVM_OPTIONS));
        report.put(
                "method",
                "Fresh data dir, java -Xmx512m -jar; one SSE client on /api/inbox/stream; each post a new author;"
                        + " latency = SSE 'conversation' event carrying the post's marker minus the webhook's 200;"
                        + " posts paced open-loop at the given rate (--posts each, or rate x --seconds) after " + warmup
                        + " warm-up posts at 50/s."
                        + " Heard exit code on SIGTERM: " + exit);
        report.putAll(results);
        var out = Path.of(options.get("out"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, Json.write(report) + "\n");
        printTable(results);
        System.out.println("written " + out + "; Heard's log: " + log);
    }

    /** Delivers {@code count} posts at {@code perSecond}, open loop, and waits for their live events. */
    Map<String, Object> deliver(Heard heard, int phase, int count, int perSecond) throws InterruptedException {
        int port = heard.port();
        var cpuBefore = Cpu.sample(heard);
        var acked = new long[count];
        var sent = new long[count];
        var statuses = new ConcurrentHashMap<Integer, AtomicInteger>();
        var done = new CountDownLatch(count);
        long interval = 1_000_000_000L / perSecond;
        long start = System.nanoTime();
        long dispatched;
        try (var senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                Load.waitUntil(start + i * interval);
                int n = i;
                var marker = "[p" + phase + "-" + n + "]";
                awaited.put(marker, done);
                senders.execute(() -> {
                    sent[n] = System.nanoTime();
                    int status = webhook(port, phase, n, marker);
                    acked[n] = System.nanoTime();
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    if (status != 200) {
                        awaited.remove(marker);
                        done.countDown();
                    }
                });
            }
            dispatched = System.nanoTime() - start;
        }
        boolean all = done.await(120, TimeUnit.SECONDS);
        var cpu = Cpu.sample(heard).since(cpuBefore);
        var latency = new ArrayList<Double>();
        var response = new ArrayList<Double>();
        int beforeAck = 0;
        int missing = 0;
        long lastEvent = start;
        for (int i = 0; i < count; i++) {
            response.add((acked[i] - sent[i]) / 1e6);
            var at = seenAt.get("[p" + phase + "-" + i + "]");
            if (at == null) {
                missing++;
                continue;
            }
            lastEvent = Math.max(lastEvent, at);
            if (at < acked[i]) {
                beforeAck++;
            }
            latency.add((at - acked[i]) / 1e6);
        }
        var result = new LinkedHashMap<String, Object>();
        result.put("rate_per_s", perSecond);
        result.put("posts", count);
        // Posts dispatched per second by the driver, and posts shown live per second by Heard (first send
        // to last event): when Heard cannot keep up, the second falls behind the first and latency grows.
        result.put("achieved_rate_per_s", Stats.round((count - 1) / (dispatched / 1e9)));
        result.put("live_events_per_s", Stats.round((count - missing) / ((lastEvent - start) / 1e9)));
        result.put("responses", statuses.entrySet().stream()
                .collect(Collectors.toMap(e -> String.valueOf(e.getKey()), e -> e.getValue().get())));
        result.put("events_missing", missing);
        result.put("all_events_within_120_s", all);
        result.put("events_before_ack", beforeAck);
        result.put("cpu", cpu.report(count));
        result.put("ack_to_event_ms", Stats.of(latency));
        result.put("webhook_response_ms", Stats.of(response));
        return result;
    }

    int webhook(int port, int phase, int n, String marker) {
        var id = "bench-" + phase + "-" + n + "-" + System.nanoTime();
        var body = Webhooks.post(id, marker + " my parcel has not arrived, can you help?");
        try {
            var hook = URI.create("http://127.0.0.1:" + port + "/hooks/sandbox");
            return http.send(Webhooks.request(hook, body), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Reads the inbox stream on its own thread, noting when each marker first arrives. */
    java.util.concurrent.Future<?> openInboxStream(int port, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/inbox/stream"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("inbox stream answered " + response.statusCode());
        }
        var reader = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().factory());
        var opened = new CountDownLatch(1);
        var future = reader.submit(() -> {
            var event = new String[] {""};
            opened.countDown();
            response.body().forEach(line -> {
                long now = System.nanoTime();
                if (line.startsWith("event:")) {
                    event[0] = line.substring(6).strip();
                } else if (line.startsWith("data:") && event[0].equals("conversation")) {
                    var m = MARKER.matcher(line);
                    if (m.find()) {
                        var marker = m.group();
                        if (seenAt.putIfAbsent(marker, now) == null) {
                            var latch = awaited.remove(marker);
                            if (latch != null) {
                                latch.countDown();
                            }
                        }
                    }
                } else if (line.isEmpty()) {
                    event[0] = "";
                }
            });
        });
        opened.await();
        return future;
    }

    @SuppressWarnings("unchecked")
    void printTable(Map<String, Object> results) {
        var fresh = (Map<String, Object>) results.get("startup_fresh_data_dir");
        var existing = (Map<String, Object>) results.get("startup_existing_data_dir");
        System.out.println();
        System.out.printf(
                "startup, fresh data dir:    %s ms to readiness UP (Spring: started in %s s)%n",
                fresh.get("process_start_to_ready_ms"), fresh.get("spring_started_in_s"));
        System.out.printf(
                "startup, existing data dir: %s ms to readiness UP (Spring: started in %s s)%n",
                existing.get("process_start_to_ready_ms"), existing.get("spring_started_in_s"));
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "%-8s %-9s %-8s %-8s %9s %9s %9s %9s %9s%n",
                "rate/s",
                "achieved",
                "shown/s",
                "missing",
                "median",
                "p90",
                "p99",
                "max",
                "webhook");
        for (var run : (List<Map<String, Object>>) results.get("runs")) {
            var latency = (Map<String, Object>) run.get("ack_to_event_ms");
            var response = (Map<String, Object>) run.get("webhook_response_ms");
            System.out.printf(
                    Locale.ROOT,
                    "%-8s %-9s %-8s %-8s %9s %9s %9s %9s %9s%n",
                    run.get("rate_per_s"),
                    run.get("achieved_rate_per_s"),
                    run.get("live_events_per_s"),
                    run.get("events_missing"),
                    latency.get("median"),
                    latency.get("p90"),
                    latency.get("p99"),
                    latency.get("max"),
                    response.get("median"));
        }
        System.out.println("(latency: webhook 200 -> SSE event, ms; webhook: median response time, ms)");
    }
}
