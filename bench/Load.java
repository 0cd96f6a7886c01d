import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Offers requests at a fixed rate, open loop: each is sent when it is due, whether or not earlier ones were answered,
 * so a slow server cannot slow the load down and hide its own slowness. Latency counts from when a request was due,
 * not from when it left, for the same reason. At most {@code maxInFlight} requests wait at once; one due beyond that
 * is not sent and counted as shed, which marks the rate as past saturation.
 */
final class Load {

    private Load() {}

    /** What one rate step gave: answers by status, and the latency of the 200s in milliseconds. */
    record Step(int rate, int offered, int shed, Map<Integer, Integer> statuses, double[] okLatencyMs, long startNanos,
            long endNanos) {

        int ok() {
            return statuses.getOrDefault(200, 0);
        }

        double seconds() {
            return (endNanos - startNanos) / 1e9;
        }

        Map<String, Object> report() {
            var report = new LinkedHashMap<String, Object>();
            report.put("offered_rate_per_s", rate);
            report.put("offered", offered);
            report.put("shed_by_driver", shed);
            var byStatus = new TreeMap<String, Integer>();
            statuses.forEach((status, count) -> byStatus.put(String.valueOf(status), count));
            report.put("responses", byStatus);
            report.put("acknowledged_rate_per_s", Stats.round(ok() / seconds()));
            report.put("ack_latency_ms", Stats.of(okLatencyMs));
            return report;
        }
    }

    static Step run(HttpClient http, int rate, Duration length, int maxInFlight, IntFunction<HttpRequest> request)
            throws InterruptedException {
        int count = (int) (rate * length.toMillis() / 1000);
        long interval = 1_000_000_000L / rate;
        var latency = new double[count];
        var answered = new boolean[count];
        var statuses = new ConcurrentHashMap<Integer, AtomicInteger>();
        var inFlight = new Semaphore(maxInFlight);
        int shed = 0;
        long start = System.nanoTime();
        try (var senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                long due = start + i * interval;
                waitUntil(due);
                if (!inFlight.tryAcquire()) {
                    shed++;
                    continue;
                }
                int n = i;
                senders.execute(() -> {
                    try {
                        int status = send(http, request.apply(n));
                        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                        if (status == 200) {
                            latency[n] = (System.nanoTime() - due) / 1e6;
                            answered[n] = true;
                        }
                    } finally {
                        inFlight.release();
                    }
                });
            }
        }
        long end = System.nanoTime();
        int ok = 0;
        for (boolean a : answered) {
            ok += a ? 1 : 0;
        }
        var okLatency = new double[ok];
        for (int i = 0, j = 0; i < count; i++) {
            if (answered[i]) {
                okLatency[j++] = latency[i];
            }
        }
        var counts = new TreeMap<Integer, Integer>();
        statuses.forEach((status, n) -> counts.put(status, n.get()));
        return new Step(rate, count, shed, counts, okLatency, start, end);
    }

    /** Parks until {@code due} ({@link System#nanoTime()}); a request is sent when it is due, not earlier. */
    static void waitUntil(long due) {
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    /** The status, or -1 when the connection failed. */
    private static int send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
