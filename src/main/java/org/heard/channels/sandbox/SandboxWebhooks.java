package org.heard.channels.sandbox;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.heard.channels.sandbox.SandboxPayloads.Event;
import org.heard.channels.sandbox.SandboxPayloads.Person;
import org.heard.channels.sandbox.SandboxPayloads.Post;
import org.heard.channels.sandbox.SandboxPayloads.Webhook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox network's webhook sender: it posts each customer post to Heard, signed, and keeps it as
 * undelivered until Heard answers 2xx. {@link SandboxRedelivery} tries the undelivered again.
 */
@SandboxEnabled
@Component
class SandboxWebhooks {

    private static final Logger log = LoggerFactory.getLogger(SandboxWebhooks.class);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final SandboxSignature signature;
    private final SandboxAddress address;
    private final HttpClient http;
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();

    SandboxWebhooks(
            JdbcClient jdbc, JsonMapper json, SandboxAddress address, @Value("${heard.sandbox.secret}") String secret) {
        this.jdbc = jdbc;
        this.json = json;
        this.address = address;
        this.signature = new SandboxSignature(secret);
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @PreDestroy
    void close() {
        senders.shutdownNow();
        http.close();
    }

    void deliver(SandboxPost post) {
        senders.execute(() -> deliverNow(post));
    }

    boolean deliverNow(SandboxPost post) {
        var body = json.writeValueAsBytes(webhookFor(post));
        var request = HttpRequest.newBuilder(address.webhook())
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(SandboxSignature.HEADER, signature.sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                jdbc.sql("update sandbox_posts set delivered_at = now() where id = ?")
                        .param(post.id())
                        .update();
                return true;
            }
            log.warn("Heard answered {} to sandbox post {}: {}", response.statusCode(), post.id(), response.body());
        } catch (IOException e) {
            log.warn("Sandbox post {} not delivered: {}", post.id(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        jdbc.sql("update sandbox_posts set delivery_attempts = delivery_attempts + 1 where id = ?")
                .param(post.id())
                .update();
        return false;
    }

    Webhook webhookFor(SandboxPost post) {
        var author = post.author();
        return new Webhook(
                brandHandle(),
                List.of(new Event(
                        "post-" + post.id(),
                        post.isPrivate() ? "message" : "post",
                        new Post(
                                String.valueOf(post.id()),
                                post.text(),
                                post.createdAt(),
                                post.inReplyTo() == null ? null : String.valueOf(post.inReplyTo()),
                                post.isPrivate(),
                                new Person(
                                        String.valueOf(author.id()),
                                        author.handle(),
                                        author.name(),
                                        author.followers(),
                                        null)))));
    }

    private String brandHandle() {
        return jdbc.sql("select handle from sandbox_personas where brand order by id limit 1")
                .query(String.class)
                .single();
    }
}
