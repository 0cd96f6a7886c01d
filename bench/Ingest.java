import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Ingest: how many signed webhooks a second Heard acknowledges with every one of them fully processed (threaded and
 * triaged: its inbound event marked processed, which happens in the transaction that threads and triages it), against
 * the limit program ({@code LimitProgram.java}: HMAC check and a grouped durable insert into the same embedded
 * PostgreSQL) on the same machine in the same run, driven by the same open-loop load at rising rates until each
 * saturates. Writes {@code bench/results/ingest.json}; {@code bench/ingest.sh} runs it.
 */
public class Ingest {

    private static final String[] TEXTS = {
        "my parcel has not arrived, can you help?",
        "charged twice for my order this month!!",
        "the app keeps crashing when I log in",
        "thanks, the replacement router works great",
        "still waiting for my refund, it has been two weeks",
        "is there an outage? no internet since this morning",
        "how do I change my delivery address?",
        "worst service ever, nobody answers the phone",
    };

    final Map<String, String> options;
    final HttpClient http = Options.client();

    Ingest(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        new Ingest(Options.parse(
                        args,
                        Map.of(
                                "jar", "target/heard-0.1.0-SNAPSHOT.jar",
                                "rates", "100,200,300,500,750,1000,1500,2000,3000,4000,5000,6000,8000,10000,12000",
                                "seconds", "10",
                                "warmup_seconds", "10",
                                "drain_seconds", "60",
                                "max_in_flight", "1000",
                                "out", "bench/results/ingest.json",
                                "work", "target/bench")))
                .run();
    }

    /** How many deliveries a target has fully processed so far. */
    interface Processed {
        long count() throws Exception;
    }

    void run() throws Exception {
        var work = Path.of(options.get("work"), "ingest-" + System.currentTimeMillis()).toAbsolutePath();
        Files.createDirectories(work);
        var loadBefore = Machine.loadAverage();

        var limit = startLimitProgram(work);
        Map<String, Object> limitResult;
        try {
            limitResult = ramp("limit", URI.create("http://127.0.0.1:" + limit.port() + "/hooks/sandbox"), null);
        } finally {
            limit.stop();
        }

        var heard = Heard.start(Path.of(options.get("jar")), work.resolve("heard-data"), work.resolve("heard.log"), http);
        Map<String, Object> heardResult;
        try (var db = DriverManager.getConnection(heard.jdbcUrl())) {
            Processed processed = () -> {
                try (var query = db.createStatement();
                        var rs = query.executeQuery(
                                "select count(*) from inbound_events where processed_at is not null")) {
                    rs.next();
                    return rs.getLong(1);
                }
            };
            heardResult = ramp("heard", heard.uri("/hooks/sandbox"), processed);
            heardResult.put("database_after", counts(db));
        } finally {
            heard.stop();
        }

        var report = new LinkedHashMap<String, Object>();
        report.put("benchmark", "ingest");
        report.put("measured_at", Instant.now().toString());
        report.put("heard_commit", options.getOrDefault("commit", "unknown"));
        report.put("machine", Machine.describe(loadBefore, Heard.JVM_OPTIONS + " (Heard and the limit program)"));
        report.put("method", method());
        double heardRate = ((Number) heardResult.get("sustained_rate_per_s")).doubleValue();
        double limitRate = ((Number) limitResult.get("sustained_rate_per_s")).doubleValue();
        report.put("heard_share_of_limit", limitRate == 0 ? 0 : Stats.round(100 * heardRate / limitRate) / 100);
        report.put("limit", limitResult);
        report.put("heard", heardResult);
        var out = Path.of(options.get("out"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, Json.write(report) + "\n");
        System.out.printf(
                Locale.ROOT,
                "%nlimit program: %.0f/s sustained; Heard: %.0f/s sustained and fully processed; Heard = %.2f of the limit%n",
                limitRate,
                heardRate,
                limitRate == 0 ? 0 : heardRate / limitRate);
        System.out.println("written " + out + "; logs in " + work);
    }

    String method() {
        return "Open-loop load from one JDK HttpClient driver on the same machine: each rate in --rates (" + options.get("rates")
                + ") for " + options.get("seconds") + " s after " + options.get("warmup_seconds")
                + " s of warm-up at the first rate, at most " + options.get("max_in_flight")
                + " requests in flight (more are shed and mark the rate saturated). Every delivery a new signed sandbox"
                + " post by a new author. Ack latency counts from when a request was due. A rate is sustained when every"
                + " delivery was answered 200 and, for Heard, every one was also processed (inbound_events.processed_at,"
                + " set in the transaction that threads and triages it) within max(1 s, 10% of the step) after the"
                + " step; the ramp stops at the first rate that is not. sustained_rate_per_s is the fully processed"
                + " rate of the highest sustained step. The limit program's deliveries are durable when acknowledged.";
    }

    /** Steps the offered rate up until the target saturates. */
    Map<String, Object> ramp(String name, URI hook, Processed processed) throws Exception {
        var rates = options.get("rates").split(",");
        var seconds = Duration.ofSeconds(Long.parseLong(options.get("seconds")));
        int maxInFlight = Integer.parseInt(options.get("max_in_flight"));
        int warmup = Integer.parseInt(options.get("warmup_seconds"));
        if (warmup > 0) {
            System.out.printf("%s: warm-up at %s/s for %d s%n", name, rates[0].trim(), warmup);
            long before = processed == null ? 0 : processed.count();
            var step = Load.run(http, Integer.parseInt(rates[0].trim()), Duration.ofSeconds(warmup), maxInFlight,
                    n -> delivery(hook, name + "-w", n));
            drain(processed, before, step.ok(), step.endNanos());
        }
        var steps = new ArrayList<Map<String, Object>>();
        double sustained = 0;
        for (int s = 0; s < rates.length; s++) {
            int rate = Integer.parseInt(rates[s].trim());
            long before = processed == null ? 0 : processed.count();
            int index = s;
            var step = Load.run(http, rate, seconds, maxInFlight, n -> delivery(hook, name + "-" + index, n));
            long doneAt = drain(processed, before, step.ok(), step.endNanos());
            long done = processed == null ? step.ok() : processed.count() - before;
            double afterStep = Math.max(0, (doneAt - step.endNanos()) / 1e9);
            boolean allProcessed = done >= step.ok() && afterStep <= Math.max(1, 0.1 * seconds.toSeconds());
            boolean sustainedStep = step.shed() == 0 && step.ok() == step.offered() && allProcessed;
            double processedRate = done / ((Math.max(doneAt, step.endNanos()) - step.startNanos()) / 1e9);
            var report = step.report();
            report.put("processed", done);
            report.put("processed_rate_per_s", Stats.round(processedRate));
            report.put("last_processed_s_after_step", Stats.round(afterStep));
            report.put("sustained", sustainedStep);
            steps.add(report);
            var latency = (Map<?, ?>) report.get("ack_latency_ms");
            System.out.printf(
                    Locale.ROOT,
                    "%s: offered %5d/s  acked %7.1f/s  processed %7.1f/s  non-200 %5d  shed %5d  ack p50 %s p99 %s ms%s%n",
                    name,
                    rate,
                    step.ok() / step.seconds(),
                    processedRate,
                    step.offered() - step.shed() - step.ok(),
                    step.shed(),
                    latency.get("median"),
                    latency.get("p99"),
                    sustainedStep ? "" : "  <- saturated");
            if (!sustainedStep) {
                break;
            }
            sustained = processedRate;
        }
        var result = new LinkedHashMap<String, Object>();
        result.put("sustained_rate_per_s", Stats.round(sustained));
        result.put("steps", steps);
        return result;
    }

    HttpRequest delivery(URI hook, String prefix, int n) {
        var id = prefix + "-" + n + "-" + System.nanoTime();
        return Webhooks.request(hook, Webhooks.post(id, "[" + id + "] " + TEXTS[n % TEXTS.length]));
    }

    /** Waits until {@code expected} more deliveries are processed, at most --drain-seconds; returns when (nanos). */
    long drain(Processed processed, long before, long expected, long stepEnd) throws Exception {
        if (processed == null) {
            return stepEnd;
        }
        long deadline = stepEnd + TimeUnit.SECONDS.toNanos(Long.parseLong(options.get("drain_seconds")));
        while (processed.count() - before < expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return System.nanoTime();
    }

    static Map<String, Object> counts(java.sql.Connection db) throws Exception {
        var counts = new LinkedHashMap<String, Object>();
        for (var table : List.of("inbound_events", "messages", "conversations", "triage_assessments")) {
            try (var query = db.createStatement();
                    var rs = query.executeQuery("select count(*) from " + table)) {
                rs.next();
                counts.put(table, rs.getLong(1));
            }
        }
        return counts;
    }

    /** The limit program as its own JVM, like Heard, with the same heap. */
    LimitProcess startLimitProgram(Path work) throws Exception {
        int port = Heard.freePort();
        var java = ProcessHandle.current().info().command().orElse("java");
        var log = work.resolve("limit.log");
        var process = new ProcessBuilder(java, Heard.JVM_OPTIONS, "-cp", options.get("classpath"),
                        Path.of("bench/LimitProgram.java").toString(), "--port", String.valueOf(port), "--data",
                        work.resolve("limit-data").toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        long ms = Heard.awaitReady(process, URI.create("http://127.0.0.1:" + port + "/health"), http, System.nanoTime(),
                log);
        System.out.printf("limit program ready on port %d after %d ms%n", port, ms);
        return new LimitProcess(process, port);
    }

    record LimitProcess(Process process, int port) {
        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
