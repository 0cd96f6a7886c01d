import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The inbox at size: loads conversations and messages into a fresh Heard's database with {@code inbox-at-size.sql}
 * (generate_series, not HTTP), restarts Heard on it ({@code -Xmx512m}: the start at size is measured), and times, as
 * a signed-in agent over HTTP, the inbox list for each filter, a conversation with 500 messages and message search:
 * median and p99 of sequential requests after a warm-up. Writes {@code bench/results/inbox-at-size.json};
 * {@code bench/inbox-at-size.sh} runs it.
 */
public class InboxAtSize {

    static final Pattern PLACEHOLDER = Pattern.compile("(?<!:):(conversations|messages|long_size|long|agents|now)\\b");

    final Map<String, String> options;
    final HttpClient http = Options.client();

    InboxAtSize(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        var defaults = new LinkedHashMap<String, String>();
        defaults.put("jar", "target/heard-0.1.0-SNAPSHOT.jar");
        defaults.put("conversations", "1000000");
        defaults.put("messages", "5000000");
        defaults.put("long", "5");
        defaults.put("long_size", "500");
        defaults.put("agents", "200");
        defaults.put("requests", "200");
        defaults.put("warmup", "50");
        defaults.put("explain", "false");
        defaults.put("out", "bench/results/inbox-at-size.json");
        defaults.put("work", "target/bench");
        new InboxAtSize(Options.parse(args, defaults)).run();
    }

    long option(String name) {
        return Long.parseLong(options.get(name));
    }

    void run() throws Exception {
        long regular = option("messages") - option("long") * option("long_size");
        if (regular < option("conversations") - option("long")) {
            throw new IllegalArgumentException("Too few messages: every conversation needs at least one.");
        }
        var work = Path.of(options.get("work"), "inbox-at-size-" + System.currentTimeMillis()).toAbsolutePath();
        Files.createDirectories(work);
        var loadBefore = Machine.loadAverage();
        var jar = Path.of(options.get("jar"));
        var data = work.resolve("data");
        var log = work.resolve("heard.log");

        var fresh = Heard.start(jar, data, log, http);
        var report = new LinkedHashMap<String, Object>();
        report.put("benchmark", "inbox-at-size");
        report.put("measured_at", Instant.now().toString());
        report.put("heard_commit", options.getOrDefault("commit", "unknown"));
        report.put("sizes", Map.of(
                "conversations", option("conversations"),
                "messages", option("messages"),
                "conversations_with_" + option("long_size") + "_messages", option("long")));
        report.put("startup_fresh_data_dir", fresh.startup());
        try (var db = DriverManager.getConnection(fresh.jdbcUrl())) {
            report.put("load", load(db));
            report.put("database_mib", sizes(db));
            options.put("order_number", orderNumber(db));
            if (Boolean.parseBoolean(options.get("explain"))) {
                explainSlowQueries(db);
            }
        }
        fresh.stop();

        var heard = Heard.start(jar, data, log, http);
        report.put("startup_at_size", heard.startup());
        try {
            var token = heard.signIn(http);
            report.put("latency_ms", measure(heard, token));
            report.put("heard_peak_rss_mib", peakRssMib(heard.process().pid()));
        } finally {
            heard.stop();
        }
        report.put("machine", Machine.describe(loadBefore, Heard.JVM_OPTIONS));
        report.put(
                "method",
                "Loaded by bench/inbox-at-size.sql into a fresh Heard's embedded PostgreSQL, then VACUUM ANALYZE;"
                        + " Heard restarted on it (java " + Heard.JVM_OPTIONS + " -jar). One client, sequential requests"
                        + " with a bearer token: " + options.get("warmup") + " warm-up then " + options.get("requests")
                        + " measured per scenario; time = request sent to whole body read. Lists ask for 50 rows.");
        var out = Path.of(options.get("out"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, Json.write(report) + "\n");
        System.out.println("written " + out + "; Heard's log: " + log);
    }

    /** Runs the loader's statements one by one, saying how long each took. */
    Map<String, Object> load(Connection db) throws Exception {
        var sql = Files.readString(Path.of("bench/inbox-at-size.sql"));
        var now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        var filled = PLACEHOLDER.matcher(sql).replaceAll(m -> m.group(1).equals("now") ? now : options.get(m.group(1)));
        var timings = new LinkedHashMap<String, Object>();
        long start = System.nanoTime();
        for (var statement : statements(filled)) {
            long began = System.nanoTime();
            try (var run = db.createStatement()) {
                run.execute(statement);
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            if (seconds >= 0.5) {
                var name = statement.lines().filter(l -> !l.startsWith("--")).findFirst().orElse(statement);
                System.out.printf(Locale.ROOT, "load: %6.1f s  %s%n", seconds, name);
                timings.put(name.length() > 60 ? name.substring(0, 60) + "…" : name, Stats.round(seconds));
            }
        }
        for (var table : List.of("users", "contacts", "channel_identities", "conversations", "messages")) {
            long began = System.nanoTime();
            try (var run = db.createStatement()) {
                run.execute("vacuum analyze " + table);
            }
            timings.put("vacuum analyze " + table, Stats.round((System.nanoTime() - began) / 1e9));
        }
        var result = new LinkedHashMap<String, Object>();
        result.put("total_s", Stats.round((System.nanoTime() - start) / 1e9));
        result.put("slower_steps_s", timings);
        System.out.printf(Locale.ROOT, "loaded in %.1f s%n", (System.nanoTime() - start) / 1e9);
        return result;
    }

    /** Splits a script on semicolons that end a line, outside $$-quoted function bodies. */
    static List<String> statements(String script) {
        var statements = new ArrayList<String>();
        var current = new StringBuilder();
        boolean quoted = false;
        for (var line : script.lines().toList()) {
            if (current.isEmpty() && (line.isBlank() || line.startsWith("--"))) {
                continue;
            }
            current.append(line).append('\n');
            quoted ^= (line.split("\\$\\$", -1).length - 1) % 2 == 1;
            if (!quoted && line.stripTrailing().endsWith(";")) {
                statements.add(current.toString().strip().replaceAll(";$", ""));
                current.setLength(0);
            }
        }
        return statements;
    }

    Map<String, Object> sizes(Connection db) throws Exception {
        var sizes = new LinkedHashMap<String, Object>();
        try (var query = db.createStatement();
                var rs = query.executeQuery("""
                        select 'database', pg_database_size(current_database())
                        union all select 'messages (table)', pg_table_size('messages')
                        union all select 'messages (indexes)', pg_indexes_size('messages')
                        union all select 'messages_search (index)', pg_relation_size('messages_search')
                        union all select 'conversations (table)', pg_table_size('conversations')
                        union all select 'conversations (indexes)', pg_indexes_size('conversations')
                        """)) {
            while (rs.next()) {
                sizes.put(rs.getString(1), rs.getLong(2) / (1024 * 1024));
            }
        }
        return sizes;
    }

    /** Logs the plan of every statement slower than 10 ms to Heard's log (auto_explain), for the next start. */
    void explainSlowQueries(Connection db) throws Exception {
        try (var set = db.createStatement()) {
            set.execute("alter system set session_preload_libraries = 'auto_explain'");
            set.execute("alter system set auto_explain.log_min_duration = '10ms'");
            set.execute("alter system set auto_explain.log_analyze = on");
            set.execute("alter system set auto_explain.log_buffers = on");
        }
    }

    Map<String, Object> measure(Heard heard, String token) throws Exception {
        var results = new LinkedHashMap<String, Object>();
        var lists = new LinkedHashMap<String, String>();
        lists.put("list open (default)", "");
        for (var status : List.of("new", "pending", "resolved", "all")) {
            lists.put("list status=" + status, "status=" + status);
        }
        lists.put("list mine", "assignee=mine");
        lists.put("list unassigned", "assignee=unassigned");
        lists.put("list public", "visibility=public");
        lists.put("list private", "visibility=private");
        lists.put("list channel=x", "channel=x");
        lists.put("list channel=bluesky", "channel=bluesky");
        lists.put("list queue=billing", "queue=billing");
        lists.put("list queue=es", "queue=es");
        lists.put("list mine, queue=billing, private", "assignee=mine&queue=billing&visibility=private");
        var firstPage = get(heard, token, "/api/conversations?limit=50");
        var cursor = Pattern.compile("\"nextCursor\"\\s*:\\s*\"([^\"]+)\"").matcher(firstPage);
        if (cursor.find()) {
            lists.put("list open, second page", "cursor=" + cursor.group(1));
        }
        for (var list : lists.entrySet()) {
            results.put(list.getKey(), time(heard, token, List.of("/api/conversations?limit=50&" + list.getValue())));
        }
        long last = option("conversations");
        var long500 = new ArrayList<String>();
        for (long id = last - option("long") + 1; id <= last; id++) {
            long500.add("/api/conversations/" + id);
        }
        results.put("conversation with " + option("long_size") + " messages", time(heard, token, long500));
        results.put("conversation with ~5 messages", time(heard, token, List.of("/api/conversations/" + last / 2)));
        var searches = new LinkedHashMap<String, String>();
        searches.put("search common word: refund", "refund");
        searches.put("search two words: router rebooting", "router rebooting");
        searches.put("search phrase: \"charged twice\"", "\"charged twice\"");
        searches.put("search rare: an order number", options.get("order_number"));
        searches.put("search no match", "zebracornflakes");
        for (var search : searches.entrySet()) {
            var q = URLEncoder.encode(search.getValue(), StandardCharsets.UTF_8);
            results.put(search.getKey() + " (status=all)",
                    time(heard, token, List.of("/api/conversations?limit=50&status=all&q=" + q)));
        }
        results.put("search common word: refund (open)",
                time(heard, token, List.of("/api/conversations?limit=50&q=refund")));
        return results;
    }

    /** An order number one customer wrote, for a search that finds one message among millions. */
    static String orderNumber(Connection db) throws Exception {
        try (var query = db.createStatement();
                var rs = query.executeQuery("select substring(text from 'order #([0-9]+)') from messages"
                        + " where text like '%order #%' and id > (select max(id) / 2 from messages) limit 1")) {
            return rs.next() ? rs.getString(1) : "123456";
        }
    }

    /** Warm-up, then sequential requests cycling through the paths; milliseconds to the whole body. */
    Map<String, Object> time(Heard heard, String token, List<String> paths) throws Exception {
        int warmup = (int) option("warmup");
        int requests = (int) option("requests");
        var samples = new double[requests];
        for (int i = 0; i < warmup + requests; i++) {
            var path = paths.get(i % paths.size());
            long start = System.nanoTime();
            get(heard, token, path);
            if (i >= warmup) {
                samples[i - warmup] = (System.nanoTime() - start) / 1e6;
            }
        }
        var stats = Stats.of(samples);
        System.out.printf(
                Locale.ROOT, "%-55s median %6s ms  p99 %6s ms%n", paths.getFirst(), stats.get("median"), stats.get("p99"));
        return stats;
    }

    String get(Heard heard, String token, String path) throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(heard.uri(path))
                        .header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static long peakRssMib(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(l -> l.startsWith("VmHWM:"))
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024)
                    .findFirst()
                    .orElse(-1L);
        } catch (Exception e) {
            return -1;
        }
    }
}
