import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sandbox webhooks as the sandbox network sends them (docs/channels/sandbox.md): one customer post per delivery, each by
 * its own author, signed {@code X-Sandbox-Signature: sha256=<HMAC-SHA256 of the body>} with the shared secret.
 */
final class Webhooks {

    static final String SECRET = "sandbox-demo-secret";

    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(() -> {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (Exception e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java", e);
        }
    });

    private Webhooks() {}

    /** A public post by a new author; {@code text} should start with something unique when it is to be found again. */
    static byte[] post(String id, String text) {
        return """
                {"account":"heardbrand","events":[{"id":"post-%s","type":"post","post":{"id":"%s",\
                "text":"%s","created_at":"%s","in_reply_to":null,\
                "private":false,"author":{"id":"bench-author-%s","handle":"b%s","name":"Bench %s",\
                "followers":42,"avatar_url":null}}}]}"""
                .formatted(id, id, text, Instant.now(), id, id.hashCode() & 0x7fffffff, id)
                .getBytes(StandardCharsets.UTF_8);
    }

    static String sign(byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(MAC.get().doFinal(body));
    }

    static HttpRequest request(URI hook, byte[] body) {
        return HttpRequest.newBuilder(hook)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Sandbox-Signature", sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }
}
