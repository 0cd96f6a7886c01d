package org.heard.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The private PostgreSQL that Heard runs when no {@code spring.datasource.url} is configured. Its data
 * lives in {@code <data dir>/postgres} and is kept across restarts. A server left running by a Heard
 * process that was killed is stopped before a new one starts on the same data; PostgreSQL's own crash
 * recovery then replays its write-ahead log.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts (and on first use creates) the database in the given directory. */
    public static EmbeddedDatabase start(Path directory) throws IOException {
        Files.createDirectories(directory);
        stopOrphanedServer(directory);
        var postgres = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                // The library's defaults trade durability for speed; an acknowledged message must survive.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "200")
                .start();
        log.info("Embedded PostgreSQL serving {} on port {}", directory, postgres.getPort());
        return new EmbeddedDatabase(postgres);
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    /**
     * When Heard is killed, its PostgreSQL child keeps running and holds the data directory. The file
     * lock a running Heard holds on {@code epg-lock} tells a dead owner from a live one: only when the
     * lock is free is the server an orphan, stopped by a smart shutdown (the dead process's sessions are
     * gone). Its pid is the first line of {@code postmaster.pid}.
     */
    private static void stopOrphanedServer(Path directory) throws IOException {
        var lockFile = directory.resolve("epg-lock");
        if (!Files.exists(lockFile)) {
            return;
        }
        try (var channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                var lock = channel.tryLock()) {
            if (lock == null) {
                throw inUse(directory);
            }
            postmaster(directory).ifPresent(postmaster -> stop(postmaster, directory));
        } catch (OverlappingFileLockException e) {
            throw inUse(directory);
        }
    }

    private static IllegalStateException inUse(Path directory) {
        return new IllegalStateException("Another Heard is running on the data in " + directory
                + "; stop it first, or give this one its own HEARD_DATA_DIR.");
    }

    private static Optional<ProcessHandle> postmaster(Path directory) throws IOException {
        var pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return ProcessHandle.of(Long.parseLong(lines.getFirst().trim()))
                    .filter(ProcessHandle::isAlive)
                    .filter(p ->
                            p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void stop(ProcessHandle postmaster, Path directory) {
        log.warn(
                "Stopping PostgreSQL (pid {}) left running on {} by a Heard that stopped abruptly",
                postmaster.pid(),
                directory);
        postmaster.destroy();
        try {
            postmaster.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            postmaster.destroyForcibly();
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
