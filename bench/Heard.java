import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The packaged Heard as its own process ({@code java -Xmx512m -jar}), on its own data directory, with the benchmark's
 * admin and the sandbox secret the drivers sign with. Its embedded PostgreSQL is a separate process, found by its
 * {@code postmaster.pid}.
 */
record Heard(Process process, int port, Path dataDir, Path log, Map<String, Object> startup) {

    static final String JVM_OPTIONS = "-Xmx512m";
    static final String ADMIN_EMAIL = "bench@heard.example";
    static final String ADMIN_PASSWORD = "bench-password-not-secret";
    static final Pattern STARTED =
            Pattern.compile("Started Heard in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");

    static Heard start(Path jar, Path dataDir, Path log, HttpClient http) throws Exception {
        Files.createDirectories(dataDir);
        int port = freePort();
        var java = ProcessHandle.current().info().command().orElse("java");
        var command = new java.util.ArrayList<String>(List.of(java, JVM_OPTIONS));
        // More JVM options for a run, such as a flight recording to profile it: HEARD_BENCH_JAVA_OPTIONS.
        var extra = System.getenv().getOrDefault("HEARD_BENCH_JAVA_OPTIONS", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        var builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("HEARD_DATA_DIR", dataDir.toString());
        builder.environment().put("HEARD_ADMIN_EMAIL", ADMIN_EMAIL);
        builder.environment().put("HEARD_ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().put("HEARD_SANDBOX_SECRET", Webhooks.SECRET);
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        long start = System.nanoTime();
        var process = builder.start();
        long readyMs = awaitReady(process, URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"), http,
                start, log);
        var startup = new LinkedHashMap<String, Object>();
        startup.put("process_start_to_ready_ms", readyMs);
        var matcher = STARTED.matcher(Files.readString(log).substring((int) logStart));
        if (matcher.find()) {
            startup.put("spring_started_in_s", Double.parseDouble(matcher.group(1)));
            startup.put("jvm_running_for_s", Double.parseDouble(matcher.group(2)));
        }
        System.out.printf("Heard ready on port %d after %d ms%n", port, readyMs);
        return new Heard(process, port, dataDir, log, startup);
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Waits until {@code ready} answers 200 with UP; returns the milliseconds since {@code start}. */
    static long awaitReady(Process process, URI ready, HttpClient http, long start, Path log) throws Exception {
        var request = HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build();
        long deadline = start + TimeUnit.MINUTES.toNanos(5);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The process exited with " + process.exitValue() + "; see " + log);
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("Not ready in 5 minutes; see " + log);
            }
            try {
                var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("UP")) {
                    return (System.nanoTime() - start) / 1_000_000;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(20);
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** A bearer token for the benchmark's admin. */
    String signIn(HttpClient http) throws Exception {
        var body = "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(ADMIN_EMAIL, ADMIN_PASSWORD);
        var response = http.send(
                HttpRequest.newBuilder(uri("/api/auth/token"))
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

    /** Heard's PostgreSQL, named by postmaster.pid; it is not a child of Heard's process. */
    Optional<ProcessHandle> postgres() {
        return postmasterLine(0).flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)));
    }

    /** Where a benchmark reads Heard's database directly (the embedded server trusts local connections). */
    String jdbcUrl() {
        var port = postmasterLine(3).orElseThrow(() -> new IllegalStateException("Heard's PostgreSQL is not running"));
        return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
    }

    private Optional<String> postmasterLine(int index) {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"));
            return Optional.of(lines.get(index).trim());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
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
