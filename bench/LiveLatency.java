import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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

    static final String SECRET = "sandbox-demo-secret";
    static final String ADMIN_EMAIL = "bench@heard.example";
    static final String ADMIN_PASSWORD = "bench-password-not-secret";
    static final Pattern MARKER = Pattern.compile("\\[p(\\d+)-(\\d+)]");
    static final Pattern STARTED = Pattern.compile("Started Heard in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");

    final Map<String, String> options;
    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    final Map<String, Long> seenAt = new ConcurrentHashMap<>();
    final Map<String, CountDownLatch> awaited = new ConcurrentHashMap<>();
    final Mac mac;

    LiveLatency(Map<String, String> options) throws Exception {
        this.options = options;
        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    }

    public static void main(String[] args) throws Exception {
        var options = new LinkedHashMap<String, String>(Map.of(
                "jar", "target/heard-0.1.0-SNAPSHOT.jar",
                "rates", "50,500",
                "posts", "1000",
                "warmup", "500",
                "out", "bench/results/live-latency.json",
                "work", "target/bench"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new LiveLatency(options).run();
    }

    void run() throws Exception {
        var work = Path.of(options.get("work"), "run-" + System.currentTimeMillis()).toAbsolutePath();
        Files.createDirectories(work);
        var log = work.resolve("heard.log");
        var machineBefore = loadAverage();

        var first = Heard.start(Path.of(options.get("jar")), work.resolve("data"), log, http);
        var results = new LinkedHashMap<String, Object>();
        results.put("startup_fresh_data_dir", first.startup());
        var token = signIn(first.port());
        var stream = openInboxStream(first.port(), token);

        int warmup = Integer.parseInt(options.get("warmup"));
        int posts = Integer.parseInt(options.get("posts"));
        if (warmup > 0) {
            System.out.printf("warm-up: %d posts at 50/s (not counted)%n", warmup);
            deliver(first, 0, warmup, 50);
        }
        var runs = new ArrayList<Map<String, Object>>();
        int phase = 1;
        for (var rate : options.get("rates").split(",")) {
            int perSecond = Integer.parseInt(rate.trim());
            System.out.printf("run: %d posts at %d/s%n", posts, perSecond);
            runs.add(deliver(first, phase++, posts, perSecond));
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
        report.put("machine", machine(machineBefore));
        report.put(
                "method",
                "Fresh data dir, java -Xmx512m -jar; one SSE client on /api/inbox/stream; each post a new author;"
                        + " latency = SSE 'conversation' event carrying the post's marker minus the webhook's 200;"
                        + " posts paced open-loop at the given rate after " + warmup + " warm-up posts at 50/s."
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
                long due = start + i * interval;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
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
        result.put("achieved_rate_per_s", round((count - 1) / (dispatched / 1e9)));
        result.put("live_events_per_s", round((count - missing) / ((lastEvent - start) / 1e9)));
        result.put("responses", statuses.entrySet().stream()
                .collect(Collectors.toMap(e -> String.valueOf(e.getKey()), e -> e.getValue().get())));
        result.put("events_missing", missing);
        result.put("all_events_within_120_s", all);
        result.put("events_before_ack", beforeAck);
        result.put("cpu", cpu.report(count));
        result.put("ack_to_event_ms", stats(latency));
        result.put("webhook_response_ms", stats(response));
        return result;
    }

    int webhook(int port, int phase, int n, String marker) {
        var id = "bench-" + phase + "-" + n + "-" + System.nanoTime();
        var body = """
                {"account":"heardbrand","events":[{"id":"post-%s","type":"post","post":{"id":"%s",\
                "text":"%s my parcel has not arrived, can you help?","created_at":"%s","in_reply_to":null,\
                "private":false,"author":{"id":"bench-author-%s","handle":"bench%s","name":"Bench %s",\
                "followers":42,"avatar_url":null}}}]}"""
                .formatted(id, id, marker, Instant.now(), id, n, n)
                .getBytes(StandardCharsets.UTF_8);
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hooks/sandbox"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Sandbox-Signature", sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    synchronized String sign(byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    String signIn(int port) throws Exception {
        var body = "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(ADMIN_EMAIL, ADMIN_PASSWORD);
        var response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/token"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        var matcher = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 200 || !matcher.find()) {
            throw new IllegalStateException("sign-in failed: " + response.statusCode() + " " + response.body());
        }
        return matcher.group(1);
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

    static Map<String, Object> stats(List<Double> values) {
        var sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        var stats = new LinkedHashMap<String, Object>();
        stats.put("count", sorted.length);
        if (sorted.length == 0) {
            return stats;
        }
        stats.put("min", round(sorted[0]));
        stats.put("median", round(percentile(sorted, 50)));
        stats.put("p90", round(percentile(sorted, 90)));
        stats.put("p99", round(percentile(sorted, 99)));
        stats.put("max", round(sorted[sorted.length - 1]));
        stats.put("mean", round(Arrays.stream(sorted).average().orElse(0)));
        return stats;
    }

    /** Nearest-rank percentile. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    Map<String, Object> machine(String loadBefore) {
        var machine = new LinkedHashMap<String, Object>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("cpu", procField("/proc/cpuinfo", "model name"));
        var memKb = procField("/proc/meminfo", "MemTotal").replaceAll("[^0-9]", "");
        machine.put("ram_gib", memKb.isEmpty() ? "unknown" : round(Long.parseLong(memKb) / 1024.0 / 1024.0));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put(
                "jdk",
                System.getProperty("java.vendor") + " " + Runtime.version() + " ("
                        + ProcessHandle.current().info().command().orElse("java") + ")");
        machine.put("heard_jvm_options", "-Xmx512m");
        machine.put("load_average_before", loadBefore);
        machine.put("load_average_after", loadAverage());
        return machine;
    }

    static String procField(String file, String field) {
        try {
            return Files.readAllLines(Path.of(file)).stream()
                    .filter(l -> l.startsWith(field))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst()
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
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

    /**
     * CPU time from /proc: Heard's JVM, its PostgreSQL (postmaster and backends) and the whole machine,
     * in clock ticks, so a run can say whether Heard was bound by its own CPU or starved by others.
     */
    record Cpu(long heard, long postgres, long machineBusy, long machineTotal, long wallNanos) {

        static Cpu sample(Heard heard) {
            long postgres = 0;
            var postmaster = heard.postgres();
            if (postmaster.isPresent()) {
                postgres = ticks(postmaster.get().pid())
                        + postmaster.get().descendants().mapToLong(p -> ticks(p.pid())).sum();
            }
            long busy = 0;
            long total = 0;
            try {
                var fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
                for (int i = 1; i < fields.length && i <= 8; i++) {
                    long value = Long.parseLong(fields[i]);
                    total += value;
                    if (i != 4 && i != 5) {
                        busy += value;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // not Linux: machine figures stay zero
            }
            return new Cpu(ticks(heard.process().pid()), postgres, busy, total, System.nanoTime());
        }

        Cpu since(Cpu before) {
            return new Cpu(
                    heard - before.heard,
                    postgres - before.postgres,
                    machineBusy - before.machineBusy,
                    machineTotal - before.machineTotal,
                    wallNanos - before.wallNanos);
        }

        Map<String, Object> report(int posts) {
            double seconds = wallNanos / 1e9;
            var cpu = new LinkedHashMap<String, Object>();
            cpu.put("wall_s", round(seconds));
            cpu.put("heard_jvm_cores", round(heard / 100.0 / seconds));
            cpu.put("postgres_cores", round(postgres / 100.0 / seconds));
            cpu.put("machine_busy_pct", machineTotal == 0 ? 0 : round(100.0 * machineBusy / machineTotal));
            cpu.put("heard_jvm_cpu_ms_per_post", round(heard * 10.0 / posts));
            cpu.put("postgres_cpu_ms_per_post", round(postgres * 10.0 / posts));
            return cpu;
        }

        /** utime + stime of one process, in clock ticks (100 a second on Linux). */
        static long ticks(long pid) {
            try {
                var stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }
    }

    /** The packaged Heard as its own process. */
    record Heard(Process process, int port, Path log, Map<String, Object> startup) {

        static Heard start(Path jar, Path dataDir, Path log, HttpClient http) throws Exception {
            Files.createDirectories(dataDir);
            int port;
            try (var socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            var java = ProcessHandle.current().info().command().orElse("java");
            var builder = new ProcessBuilder(java, "-Xmx512m", "-jar", jar.toAbsolutePath().toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("PORT", String.valueOf(port));
            builder.environment().put("HEARD_DATA_DIR", dataDir.toString());
            builder.environment().put("HEARD_ADMIN_EMAIL", ADMIN_EMAIL);
            builder.environment().put("HEARD_ADMIN_PASSWORD", ADMIN_PASSWORD);
            builder.environment().put("HEARD_SANDBOX_SECRET", SECRET);
            long logStart = Files.exists(log) ? Files.size(log) : 0;
            long start = System.nanoTime();
            var process = builder.start();
            var ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2))
                    .build();
            long deadline = start + TimeUnit.MINUTES.toNanos(5);
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Heard exited with " + process.exitValue() + "; see " + log);
                }
                if (System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IllegalStateException("Heard was not ready in 5 minutes; see " + log);
                }
                try {
                    var response = http.send(ready, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200 && response.body().contains("UP")) {
                        break;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(20);
            }
            long readyMs = (System.nanoTime() - start) / 1_000_000;
            var startup = new LinkedHashMap<String, Object>();
            startup.put("process_start_to_ready_ms", readyMs);
            var matcher = STARTED.matcher(Files.readString(log).substring((int) logStart));
            if (matcher.find()) {
                startup.put("spring_started_in_s", Double.parseDouble(matcher.group(1)));
                startup.put("jvm_running_for_s", Double.parseDouble(matcher.group(2)));
            }
            System.out.printf("Heard ready on port %d after %d ms%n", port, readyMs);
            return new Heard(process, port, log, startup);
        }

        /** Heard's PostgreSQL, named by postmaster.pid; it is not a child of Heard's process. */
        java.util.Optional<ProcessHandle> postgres() {
            try {
                var pid = Files.readAllLines(log.getParent().resolve("data/postgres/postmaster.pid")).getFirst();
                return ProcessHandle.of(Long.parseLong(pid.trim()));
            } catch (IOException | RuntimeException e) {
                return java.util.Optional.empty();
            }
        }

        int stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            return process.waitFor();
        }
    }

    /** Just enough JSON for the report: maps, lists, strings, numbers. */
    static final class Json {

        static String write(Object value) {
            var out = new StringBuilder();
            write(value, out, "");
            return out.toString();
        }

        private static void write(Object value, StringBuilder out, String indent) {
            switch (value) {
                case null -> out.append("null");
                case Map<?, ?> map -> {
                    out.append("{\n");
                    var entries = new ArrayList<>(map.entrySet());
                    for (int i = 0; i < entries.size(); i++) {
                        out.append(indent).append("  ");
                        string(String.valueOf(entries.get(i).getKey()), out);
                        out.append(": ");
                        write(entries.get(i).getValue(), out, indent + "  ");
                        out.append(i + 1 < entries.size() ? ",\n" : "\n");
                    }
                    out.append(indent).append("}");
                }
                case List<?> list -> {
                    out.append("[\n");
                    for (int i = 0; i < list.size(); i++) {
                        out.append(indent).append("  ");
                        write(list.get(i), out, indent + "  ");
                        out.append(i + 1 < list.size() ? ",\n" : "\n");
                    }
                    out.append(indent).append("]");
                }
                case Number number -> out.append(number);
                case Boolean bool -> out.append(bool);
                default -> string(String.valueOf(value), out);
            }
        }

        private static void string(String text, StringBuilder out) {
            out.append('"');
            for (char c : text.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }
    }
}
