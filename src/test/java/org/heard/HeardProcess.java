package org.heard;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The packaged Heard jar running as a process of its own, as an operator runs it: {@code java -jar}
 * with its data directory and admin from the environment, output appended to a log file. Its embedded
 * PostgreSQL is started through {@code pg_ctl}, so it is not a child of Heard's process: it is found
 * through {@code postmaster.pid}, and it outlives a {@code kill -9} of Heard.
 */
public final class HeardProcess {

    private final Process process;
    private final int port;
    private final Path dataDir;
    private final Path log;

    private HeardProcess(Process process, int port, Path dataDir, Path log) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
        this.log = log;
    }

    /** Starts the jar named by the {@code heard.jar} system property and waits until it is ready. */
    public static HeardProcess start(Path dataDir, Path log, Duration readiness) {
        return start(dataDir, log, readiness, Map.of());
    }

    /** Starts the jar with more environment variables, for example where the sandbox network's API is. */
    public static HeardProcess start(Path dataDir, Path log, Duration readiness, Map<String, String> environment) {
        var jar = Objects.requireNonNull(
                System.getProperty("heard.jar"), "heard.jar names the packaged jar; Failsafe passes it");
        var java = ProcessHandle.current().info().command().orElseThrow();
        int port = freePort();
        var builder = new ProcessBuilder(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar", jar)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        var env = builder.environment();
        env.put("PORT", String.valueOf(port));
        env.put("HEARD_DATA_DIR", dataDir.toString());
        env.put("HEARD_ADMIN_EMAIL", TestUsers.ADMIN_EMAIL);
        env.put("HEARD_ADMIN_PASSWORD", TestUsers.ADMIN_PASSWORD);
        env.put("HEARD_SANDBOX_SECRET", HeardClient.SANDBOX_SECRET);
        env.putAll(environment);
        try {
            Files.createDirectories(dataDir);
            var heard = new HeardProcess(builder.start(), port, dataDir, log);
            heard.awaitReady(readiness);
            return heard;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Duration readiness) {
        var probe = new HeardClient(port);
        await().atMost(readiness)
                .pollInterval(Duration.ofMillis(100))
                .failFast("Heard exited before it was ready; see " + log, () -> !process.isAlive())
                .until(() -> {
                    try {
                        return probe.get("/actuator/health/readiness").status() == 200;
                    } catch (IllegalStateException notListeningYet) {
                        return false;
                    }
                });
    }

    public HeardClient client() {
        return new HeardClient(port);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Heard's PostgreSQL, as {@code postmaster.pid} names it, while it runs. */
    public Optional<ProcessHandle> postgres() {
        var pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        try {
            List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
            return lines.isEmpty()
                    ? Optional.empty()
                    : ProcessHandle.of(Long.parseLong(lines.getFirst().trim()))
                            .filter(p -> p.info()
                                    .command()
                                    .map(c -> c.endsWith("/postgres"))
                                    .orElse(false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** SIGKILL, as the kernel's OOM killer or a pulled plug would; returns once Heard is gone. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /**
     * SIGKILL to Heard and to every process of its PostgreSQL at once, as when a container is killed:
     * the next start finds a stale {@code postmaster.pid} and PostgreSQL replays its write-ahead log.
     */
    public void killWithPostgres() {
        var postgres = postgres().orElseThrow();
        var all = new ArrayList<ProcessHandle>(postgres.descendants().toList());
        all.add(postgres);
        process.destroyForcibly();
        all.forEach(ProcessHandle::destroyForcibly);
        awaitExit(Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(30)).until(() -> all.stream().noneMatch(ProcessHandle::isAlive));
    }

    /** SIGTERM, as a service manager stops Heard; returns the exit code once Heard is gone. */
    public int stop(Duration grace) {
        process.destroy();
        return awaitExit(grace);
    }

    private int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("Heard (pid " + process.pid() + ") still runs after " + timeout);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Leaves nothing running after a failed test: Heard and its PostgreSQL are killed. */
    public void destroyAll() {
        process.destroyForcibly();
        postgres().ifPresent(ProcessHandle::destroyForcibly);
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
