package org.heard.channels.internal;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.heard.channels.ChannelConnector;
import org.heard.channels.MalformedWebhook;
import org.heard.channels.WebhookRejected;
import org.heard.channels.WebhookRequest;
import org.heard.platform.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Receives every network's webhooks at {@code /hooks/<channel>}. A delivery is answered 200 only after
 * it is committed to the inbound event log; anything that cannot be trusted or read is refused with a
 * problem detail and leaves no trace but a log line.
 */
@RestController
class WebhookEndpoint {

    private static final Logger log = LoggerFactory.getLogger(WebhookEndpoint.class);

    private final ConnectorRegistry connectors;
    private final InboundLog inboundLog;
    private final InboundProcessor processor;
    private final int maxBodyBytes;
    private final MeterRegistry meters;
    private final Admission admission;

    WebhookEndpoint(
            ConnectorRegistry connectors,
            InboundLog inboundLog,
            InboundProcessor processor,
            MeterRegistry meters,
            Admission admission,
            @Value("${heard.webhooks.max-body-bytes}") int maxBodyBytes) {
        this.admission = admission;
        this.connectors = connectors;
        this.inboundLog = inboundLog;
        this.processor = processor;
        this.meters = meters;
        this.maxBodyBytes = maxBodyBytes;
    }

    @GetMapping("/hooks/{channel}")
    ResponseEntity<String> challenge(@PathVariable String channel, HttpServletRequest http) throws IOException {
        var connector = connector(channel);
        return connector
                .answerChallenge(request(http, new byte[0]))
                .map(ResponseEntity::ok)
                .orElseThrow(() -> new WebhookRejected("This channel does not answer challenges."));
    }

    @PostMapping("/hooks/{channel}")
    ResponseEntity<Map<String, Object>> receive(@PathVariable String channel, HttpServletRequest http)
            throws IOException {
        var connector = connector(channel);
        var request = request(http, body(http));
        connector.verify(request);
        var deliveries = connector.read(request);
        int recorded = admission.admit(() -> inboundLog.record(channel, deliveries));
        meters.counter("heard.webhooks.received", "channel", channel).increment(deliveries.size());
        if (recorded > 0) {
            processor.nudge();
        }
        return ResponseEntity.ok(Map.of("received", deliveries.size(), "duplicates", deliveries.size() - recorded));
    }

    private ChannelConnector connector(String channel) {
        return connectors.find(channel).orElseThrow(() -> new UnknownChannel(channel));
    }

    private byte[] body(HttpServletRequest http) throws IOException {
        if (http.getContentLengthLong() > maxBodyBytes) {
            throw new BodyTooLarge(maxBodyBytes);
        }
        var body = http.getInputStream().readNBytes(maxBodyBytes + 1);
        if (body.length > maxBodyBytes) {
            throw new BodyTooLarge(maxBodyBytes);
        }
        return body;
    }

    private static WebhookRequest request(HttpServletRequest http, byte[] body) {
        Map<String, List<String>> headers = new HashMap<>();
        for (var name : Collections.list(http.getHeaderNames())) {
            headers.put(name.toLowerCase(Locale.ROOT), Collections.list(http.getHeaders(name)));
        }
        Map<String, String> query = new HashMap<>();
        http.getParameterMap().forEach((name, values) -> query.put(name, values[0]));
        return new WebhookRequest(headers, query, body);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> rejected(WebhookRejected e, HttpServletRequest http) {
        log.warn("Refused webhook {} from {}: {}", http.getRequestURI(), http.getRemoteAddr(), e.getMessage());
        meters.counter("heard.webhooks.refused", "reason", "signature").increment();
        return Problems.answer(HttpStatus.UNAUTHORIZED, "Webhook not trusted", e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> malformed(MalformedWebhook e, HttpServletRequest http) {
        log.warn("Refused malformed webhook {}: {}", http.getRequestURI(), e.getMessage());
        meters.counter("heard.webhooks.refused", "reason", "malformed").increment();
        return Problems.answer(HttpStatus.BAD_REQUEST, "Webhook not understood", e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooLarge(BodyTooLarge e, HttpServletRequest http) {
        log.warn("Refused oversized webhook {}: {}", http.getRequestURI(), e.getMessage());
        meters.counter("heard.webhooks.refused", "reason", "size").increment();
        return Problems.answer(HttpStatus.CONTENT_TOO_LARGE, "Webhook too large", e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> overloaded(Admission.Overloaded e, HttpServletRequest http) {
        log.warn("Asked {} to deliver again later: {}", http.getRequestURI(), e.getMessage());
        meters.counter("heard.webhooks.refused", "reason", "overload").increment();
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "5")
                .body(Problems.detail(HttpStatus.SERVICE_UNAVAILABLE, "Busy", e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unknown(UnknownChannel e) {
        return Problems.answer(HttpStatus.NOT_FOUND, "No such channel", e.getMessage());
    }

    static final class BodyTooLarge extends RuntimeException {
        BodyTooLarge(int limit) {
            super("The body is larger than the " + limit + " bytes Heard accepts for one webhook.");
        }
    }

    static final class UnknownChannel extends RuntimeException {
        UnknownChannel(String channel) {
            super("Heard has no connector called '" + channel + "'.");
        }
    }
}
