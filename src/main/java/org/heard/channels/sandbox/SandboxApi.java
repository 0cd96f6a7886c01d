package org.heard.channels.sandbox;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import org.heard.platform.Refused;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The sandbox network's own API, used by people acting as customers, by load generators, and (for the
 * brand's replies) by Heard's sandbox connector.
 */
@SandboxEnabled
@RestController
@RequestMapping("/api/sandbox")
@Tag(name = "Sandbox network")
class SandboxApi {

    static final String TOKEN_HEADER = "X-Sandbox-Token";

    private final SandboxNetwork network;
    private final TrafficGenerator generator;
    private final byte[] secret;

    SandboxApi(SandboxNetwork network, TrafficGenerator generator, @Value("${heard.sandbox.secret}") String secret) {
        this.network = network;
        this.generator = generator;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    @PostMapping("/posts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Post as a customer: in public, in reply to a post, or privately to the brand")
    SandboxPost post(@RequestBody CustomerPost request) {
        if (request == null) {
            throw new Refused("Send {\"author\": \"maria_g\", \"text\": \"…\"}.");
        }
        return network.post(
                request.author(), request.text(), request.inReplyTo(), Boolean.TRUE.equals(request.isPrivate()));
    }

    @GetMapping("/posts")
    @Operation(summary = "The timeline, newest first, the brand's replies included")
    List<SandboxPost> timeline(@RequestParam(defaultValue = "100") int limit) {
        return network.recent(Math.clamp(limit, 1, 1000));
    }

    @GetMapping("/personas")
    List<Persona> personas() {
        return network.personas();
    }

    @GetMapping(path = "/stream", produces = "text/event-stream")
    @Operation(summary = "Live timeline: a 'post' event with the post's id for every new post")
    SseEmitter stream() {
        return network.subscribe();
    }

    @PostMapping("/brand/posts")
    @Operation(summary = "The brand posts (used by Heard's sandbox connector); repeated keys post once")
    ResponseEntity<SandboxPayloads.Created> brandPost(
            @RequestHeader(name = TOKEN_HEADER, required = false) @Nullable String token,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @RequestBody SandboxPayloads.BrandPost request) {
        if (token == null || !MessageDigest.isEqual(secret, token.getBytes(StandardCharsets.UTF_8))) {
            throw new ResponseStatusException(
                    HttpStatus.UNAUTHORIZED, "Send the sandbox secret in " + TOKEN_HEADER + " to post as the brand.");
        }
        if (key == null || key.isBlank() || key.length() > 100) {
            throw new Refused("Send an Idempotency-Key header of at most 100 characters.");
        }
        var post =
                network.brandPost(key, request.text(), request.inReplyTo(), request.isPrivate(), request.recipient());
        return ResponseEntity.status(HttpStatus.CREATED).body(new SandboxPayloads.Created(String.valueOf(post.id())));
    }

    @GetMapping("/generator")
    Map<String, Object> generatorStatus() {
        return Map.of("perMinute", generator.perMinute(), "running", generator.running());
    }

    @PostMapping("/generator")
    @Operation(summary = "Start demo traffic: customers post at the given rate")
    Map<String, Object> startGenerator(@RequestBody GeneratorRequest request) {
        generator.start(request.perMinute());
        return generatorStatus();
    }

    @DeleteMapping("/generator")
    Map<String, Object> stopGenerator() {
        generator.stop();
        return generatorStatus();
    }

    record CustomerPost(
            String author,
            String text,
            @Nullable Long inReplyTo,

            @com.fasterxml.jackson.annotation.JsonProperty("private") @Nullable
            Boolean isPrivate) {}

    record GeneratorRequest(int perMinute) {}
}
