import java.util.LinkedHashMap;
import java.util.Map;

/** A driver's {@code --name value} options over its defaults, and the HTTP client every driver uses. */
final class Options {

    private Options() {}

    static Map<String, String> parse(String[] args, Map<String, String> defaults) {
        var options = new LinkedHashMap<>(defaults);
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", "").replace('-', '_'), args[i + 1]);
        }
        return options;
    }

    /** HTTP/1.1, as networks deliver webhooks; a connection per request in flight. */
    static java.net.http.HttpClient client() {
        return java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(java.time.Duration.ofSeconds(5))
                .build();
    }
}
