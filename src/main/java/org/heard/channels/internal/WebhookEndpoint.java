package org.heard.channels.internal;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.heard.channels.AccountStatus;
import org.heard.channels.ChannelAccount;
import org.heard.channels.ChannelConnector;
import org.heard.channels.MalformedWebhook;
import org.heard.channels.WebhookRejected;
import org.heard.channels.WebhookRequest;
import org.heard.platform.Problems;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Receives every network's webhooks: at {@code /hooks/<channel>/<key>} for an account, whose random key
 * names the account before anything in the body is trusted, and at {@code /hooks/<channel>} for a
 * channel without accounts (the sandbox). A delivery is answered 200 only after it is committed to the
 * inbound event log; anything that cannot be trusted or read is refused with a problem detail and
 * leaves no trace but a log line. A disconnected account's URL answers 410 Gone, which tells networks
 * to stop retrying.
 */
@RestController
class WebhookEndpoint {

    private static final Logger log = LoggerFactory.getLogger(WebhookEndpoint.class);

    private final ConnectorRegistry connectors;
    private final GroupCommit groupCommit;
    private final InboundProcessor processor;
    private final int maxBodyBytes;
    private final MeterRegistry meters;
    private final Admission admission;
    private final AccountStore accounts;
    private final ConnectedAccounts openAccounts;

    WebhookEndpoint(
            ConnectorRegistry connectors,
            AccountStore accounts,
            ConnectedAccounts openAccounts,
            GroupCommit groupCommit,
            InboundProcessor processor,
            MeterRegistry meters,
            Admission admission,
            @Value("${heard.webhooks.max-body-bytes}") int maxBodyBytes) {
        this.admission = admission;
        this.accounts = accounts;
        this.openAccounts = openAccounts;
        this.connectors = connectors;
        this.groupCommit = groupCommit;
        this.processor = processor;
        this.meters = meters;
        this.maxBodyBytes = maxBodyBytes;
    }

    @GetMapping("/hooks/{channel}")
    ResponseEntity<String> challenge(@PathVariable String channel, HttpServletRequest http) throws IOException {
        var connector = channelWithoutAccounts(channel);
        return answer(connector, request(http, new byte[0], null));
    }

    @GetMapping("/hooks/{channel}/{key}")
    ResponseEntity<String> challenge(@PathVariable String channel, @PathVariable String key, HttpServletRequest http)
            throws IOException {
        var connector = connector(channel);
        return answer(connector, request(http, new byte[0], account(channel, key)));
    }

    @PostMapping("/hooks/{channel}")
    ResponseEntity<Map<String, Object>> receive(@PathVariable String channel, HttpServletRequest http)
            throws IOException {
        var connector = channelWithoutAccounts(channel);
        return receive(connector, request(http, body(http), null));
    }

    @PostMapping("/hooks/{channel}/{key}")
    ResponseEntity<Map<String, Object>> receive(
            @PathVariable String channel, @PathVariable String key, HttpServletRequest http) throws IOException {
        var connector = connector(channel);
        var account = account(channel, key);
        return receive(connector, request(http, body(http), account));
    }

    private static ResponseEntity<String> answer(ChannelConnector connector, WebhookRequest request) {
        return connector
                .answerChallenge(request)
                .map(ResponseEntity::ok)
                .orElseThrow(() -> new WebhookRejected("This channel does not answer challenges."));
    }

    private ResponseEntity<Map<String, Object>> receive(ChannelConnector connector, WebhookRequest request) {
        var channel = connector.channel();
        connector.verify(request);
        var deliveries = connector.read(request);
        if (request.account() != null) {
            var expected = request.account().externalId();
            for (var delivery : deliveries) {
                if (!delivery.account().equals(expected)) {
                    throw new AccountMismatch(request.account().name());
                }
            }
        }
        int recorded = admission.admit(() -> groupCommit.record(channel, deliveries));
        meters.counter("heard.webhooks.received", "channel", channel).increment(deliveries.size());
        if (log.isDebugEnabled()) {
            for (var delivery : deliveries) {
                try (var ignored = MDC.putCloseable("correlationId", delivery.correlationId(channel))) {
                    log.debug("Recorded a delivery on {} for account {}", channel, delivery.account());
                }
            }
        }
        if (recorded > 0) {
            processor.nudge();
        }
        return ResponseEntity.ok(Map.of("received", deliveries.size(), "duplicates", deliveries.size() - recorded));
    }

    /** The account the URL's key names; a disconnected one is gone, and one Heard cannot open waits. */
    private ChannelAccount account(String channel, String key) {
        var account = accounts.byKey(channel, key).orElseThrow(() -> new UnknownAccount(channel));
        if (account.status() == AccountStatus.DISCONNECTED) {
            throw new AccountGone(account.name());
        }
        return openAccounts.open(account);
    }

    private ChannelConnector channelWithoutAccounts(String channel) {
        var connector = connector(channel);
        if (ConnectedAccounts.hasAccounts(connector)) {
            throw new UnknownAccount(channel);
        }
        return connector;
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

    private static WebhookRequest request(HttpServletRequest http, byte[] body, @Nullable ChannelAccount account) {
        Map<String, List<String>> headers = new HashMap<>();
        for (var name : Collections.list(http.getHeaderNames())) {
            headers.put(name.toLowerCase(Locale.ROOT), Collections.list(http.getHeaders(name)));
        }
        Map<String, String> query = new HashMap<>();
        http.getParameterMap().forEach((name, values) -> query.put(name, values[0]));
        return new WebhookRequest(headers, query, body, account);
    }

    /** The path for a log line, without the account key: the key is not for log readers to reuse. */
    private static String logged(HttpServletRequest http) {
        return http.getRequestURI().replaceFirst("^(/hooks/[^/]+)/.+$", "$1/…");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> rejected(WebhookRejected e, HttpServletRequest http) {
        log.warn("Refused webhook {} from {}: {}", logged(http), http.getRemoteAddr(), e.getMessage());
        meters.counter("heard.webhooks.refused", "reason", "signature").increment();
        return Problems.answer(HttpStatus.UNAUTHORIZED, "Webhook not trusted", e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> malformed(MalformedWebhook e, HttpServletRequest http) {
        log.warn("Refused malformed webhook {}: {}", logged(http), e.getMessage());
        meters.counter("heard.webhooks.refused", "reason", "malformed").increment();
        return Problems.answer(HttpStatus.BAD_REQUEST, "Webhook not understood", e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooLarge(BodyTooLarge e, HttpServletRequest http) {
        log.warn("Refused oversized webhook {}: {}", logged(http), e.getMessage());
        meters.counter("heard.webhooks.refused", "reason", "size").increment();
        return Problems.answer(HttpStatus.CONTENT_TOO_LARGE, "Webhook too large", e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> overloaded(Admission.Overloaded e, HttpServletRequest http) {
        log.warn("Asked {} to deliver again later: {}", logged(http), e.getMessage());
        meters.counter("heard.webhooks.refused", "reason", "overload").increment();
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "5")
                .body(Problems.detail(HttpStatus.SERVICE_UNAVAILABLE, "Busy", e.getMessage()));
    }

    /** The database could not take the delivery: nothing was acknowledged, so the network delivers it again. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> notRecorded(DataAccessException e, HttpServletRequest http) {
        log.warn("Could not record webhook {}; asked the network to deliver it again: {}", logged(http), e.toString());
        meters.counter("heard.webhooks.refused", "reason", "database").increment();
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "5")
                .body(Problems.detail(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "Not recorded",
                        "Heard could not record this delivery just now; deliver it again shortly."));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unknown(UnknownChannel e) {
        return Problems.answer(HttpStatus.NOT_FOUND, "No such channel", e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unknownAccount(UnknownAccount e, HttpServletRequest http) {
        log.warn("Refused webhook for no known account on {}", logged(http));
        meters.counter("heard.webhooks.refused", "reason", "account").increment();
        return Problems.answer(HttpStatus.NOT_FOUND, "No such account", e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> gone(AccountGone e) {
        meters.counter("heard.webhooks.refused", "reason", "disconnected").increment();
        return Problems.answer(HttpStatus.GONE, "Account disconnected", e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> mismatch(AccountMismatch e) {
        meters.counter("heard.webhooks.refused", "reason", "account").increment();
        return Problems.answer(HttpStatus.BAD_REQUEST, "Webhook for another account", e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unreadable(CredentialsCipher.Unreadable e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "300")
                .body(Problems.detail(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "Account not readable",
                        "Heard cannot check this webhook until an admin fixes the account's credentials key."));
    }

    static final class UnknownAccount extends RuntimeException {
        UnknownAccount(String channel) {
            super("Heard has no " + channel + " account at this URL; copy the account's webhook URL from"
                    + " Channels in Heard.");
        }
    }

    static final class AccountGone extends RuntimeException {
        AccountGone(String name) {
            super(name + " was disconnected from Heard; it takes no more deliveries.");
        }
    }

    static final class AccountMismatch extends RuntimeException {
        AccountMismatch(String name) {
            super("This delivery is for another account than " + name + ", whose URL it was sent to.");
        }
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
