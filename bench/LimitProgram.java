import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.heard.channels.sandbox.SandboxSignature;
import org.heard.platform.EmbeddedDatabase;

/**
 * The least a webhook receiver must do before it may answer 200: check the sandbox's HMAC (with Heard's own
 * {@link SandboxSignature}) and make the raw body durable in PostgreSQL — the same embedded PostgreSQL, started by
 * Heard's own {@link EmbeddedDatabase} with {@code fsync} and {@code synchronous_commit} on. Concurrent deliveries are
 * grouped: one writer thread takes whatever has arrived, writes it as one multi-row insert in one commit, then answers
 * each. Nothing else — no parsing, no de-duplication, no threading. The ingest benchmark reports Heard as a share of it.
 *
 * <p>{@code java -cp <Heard's classes and runtime classpath> bench/LimitProgram.java --port 8099 --data DIR}
 */
public class LimitProgram {

    static final int MAX_GROUP = 1000;

    record Pending(byte[] body, CompletableFuture<Boolean> durable) {}

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final SandboxSignature signature = new SandboxSignature(Webhooks.SECRET);

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(option(args, "--port", "8099"));
        var data = Path.of(option(args, "--data", "target/bench/limit")).toAbsolutePath();
        var database = EmbeddedDatabase.start(data.resolve("postgres"));
        // reWriteBatchedInserts turns the JDBC batch into multi-row inserts: one statement, one round trip per group.
        var connection = DriverManager.getConnection(database.jdbcUrl() + "&reWriteBatchedInserts=true");
        try (var ddl = connection.createStatement()) {
            ddl.execute("create table if not exists deliveries (id bigserial primary key, payload text not null,"
                    + " received_at timestamptz not null default now())");
        }
        connection.setAutoCommit(false);
        var program = new LimitProgram();
        Thread.ofPlatform().name("writer").daemon().start(() -> program.write(connection));
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/hooks/sandbox", program::receive);
        server.createContext("/health", exchange -> answer(exchange, 200, "UP"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(0);
            try {
                database.close();
            } catch (IOException e) {
                // stopping anyway
            }
        }));
        server.start();
        System.out.println("Limit program serving on port " + port + ", data in " + data);
    }

    void receive(HttpExchange exchange) throws IOException {
        byte[] body;
        try (var in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        if (!signature.matches(body, exchange.getRequestHeaders().getFirst(SandboxSignature.HEADER))) {
            answer(exchange, 401, "bad signature");
            return;
        }
        var pending = new Pending(body, new CompletableFuture<>());
        queue.add(pending);
        boolean durable;
        try {
            durable = pending.durable().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            durable = false;
        }
        answer(exchange, durable ? 200 : 503, durable ? "ok" : "not stored");
    }

    /** The writer: one multi-row insert and one commit per group of deliveries waiting together. */
    void write(Connection connection) {
        var group = new ArrayList<Pending>(MAX_GROUP);
        try (var insert = connection.prepareStatement("insert into deliveries (payload) values (?)")) {
            while (true) {
                group.add(queue.take());
                queue.drainTo(group, MAX_GROUP - 1);
                boolean stored = store(connection, insert, group);
                group.forEach(p -> p.durable().complete(stored));
                group.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean store(Connection connection, java.sql.PreparedStatement insert, List<Pending> group) {
        try {
            for (var pending : group) {
                insert.setString(1, new String(pending.body(), StandardCharsets.UTF_8));
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
            return true;
        } catch (SQLException e) {
            try {
                insert.clearBatch();
                connection.rollback();
            } catch (SQLException ignored) {
                // the answer is 503 either way
            }
            return false;
        }
    }

    static void answer(HttpExchange exchange, int status, String text) throws IOException {
        var bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
