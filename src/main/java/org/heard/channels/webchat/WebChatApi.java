package org.heard.channels.webchat;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.heard.channels.ChannelAccount;
import org.heard.channels.internal.AccountKeys;
import org.heard.platform.Problems;
import org.heard.platform.Refused;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * What the widget reads besides posting messages: a visitor pass, the visitor's transcript and a live
 * stream of the team's replies. Visitors are anonymous; the pass is what keeps them apart.
 */
@RestController
@Tag(name = "Public")
class WebChatApi {

    private final AccountKeys accounts;
    private final Transcripts transcripts;
    private final VisitorStreams streams;
    private final TranscriptMail transcriptMail;

    WebChatApi(AccountKeys accounts, Transcripts transcripts, VisitorStreams streams, TranscriptMail transcriptMail) {
        this.accounts = accounts;
        this.transcripts = transcripts;
        this.streams = streams;
        this.transcriptMail = transcriptMail;
    }

    /** @param transcriptByEmail whether the widget may offer to email the visitor their chat */
    record Widget(String name, String website, boolean transcriptByEmail) {}

    record TranscriptRequest(@Nullable String email) {}

    @GetMapping(path = "/p/chat/{key}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The web chat account a widget belongs to")
    Widget widget(@PathVariable String key) {
        var account = account(key);
        return new Widget(account.name(), account.externalId(), transcriptMail.offered());
    }

    @PostMapping(path = "/p/chat/{key}/transcript", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Emails the visitor their chat; at most once every five minutes per visitor")
    ResponseEntity<?> emailTranscript(
            @PathVariable String key,
            @RequestParam String visitor,
            @RequestParam String token,
            @org.springframework.web.bind.annotation.RequestBody TranscriptRequest request) {
        var account = visitorsAccount(key, visitor, token);
        if (!transcriptMail.offered()) {
            return Problems.answer(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "Email not available",
                    "This chat cannot send emails; the team has not set up a mail server.");
        }
        try {
            var wait = transcriptMail.send(account, visitor, request.email() == null ? "" : request.email());
            if (!wait.isZero()) {
                return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .header("Retry-After", String.valueOf(Math.max(1, wait.toSeconds())))
                        .body(Problems.detail(
                                HttpStatus.TOO_MANY_REQUESTS,
                                "Sent a moment ago",
                                "The chat was emailed a moment ago; ask again in " + Math.max(1, wait.toMinutes())
                                        + " minutes."));
            }
            return ResponseEntity.accepted().body(java.util.Map.of("sent", true));
        } catch (Refused e) {
            return Problems.answer(HttpStatus.BAD_REQUEST, "Cannot email this chat", e.getMessage());
        } catch (IllegalStateException e) {
            return Problems.answer(HttpStatus.SERVICE_UNAVAILABLE, "Email not sent", e.getMessage());
        }
    }

    @PostMapping(path = "/p/chat/{key}/session", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A new visitor pass for the widget to keep in the visitor's browser")
    VisitorPass.Pass session(
            @PathVariable String key, @RequestHeader(name = "Origin", required = false) @Nullable String origin) {
        var account = account(key);
        var elsewhere = WebChatConnector.foreignSite(account, origin);
        if (elsewhere != null) {
            throw new WrongSite(elsewhere);
        }
        return VisitorPass.issue(account);
    }

    @GetMapping(path = "/p/chat/{key}/lines", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The visitor's transcript, oldest first")
    List<Transcripts.Line> lines(
            @PathVariable String key,
            @RequestParam String visitor,
            @RequestParam String token,
            @RequestParam(required = false) @Nullable Long after) {
        var account = visitorsAccount(key, visitor, token);
        return transcripts.lines(account.externalId(), visitor, after);
    }

    @GetMapping(path = "/p/chat/{key}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "The team's replies to this visitor, live; Last-Event-ID catches up after a reconnect")
    SseEmitter stream(
            @PathVariable String key,
            @RequestParam String visitor,
            @RequestParam String token,
            HttpServletRequest http) {
        var account = visitorsAccount(key, visitor, token);
        var emitter = streams.open(account.externalId(), visitor);
        var lastSeen = http.getHeader("Last-Event-ID");
        if (lastSeen != null && lastSeen.matches("\\d{1,18}")) {
            for (var line : transcripts.lines(account.externalId(), visitor, Long.parseLong(lastSeen))) {
                if (!VisitorStreams.send(emitter, line)) {
                    break;
                }
            }
        }
        return emitter;
    }

    private ChannelAccount visitorsAccount(String key, String visitor, String token) {
        var account = account(key);
        if (!VisitorPass.valid(account, visitor, token)) {
            throw new WrongPass();
        }
        return account;
    }

    private ChannelAccount account(String key) {
        return accounts.inUse(WebChatConnector.CHANNEL, key).orElseThrow(NoSuchWidget::new);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> noSuchWidget(NoSuchWidget e) {
        return Problems.answer(HttpStatus.NOT_FOUND, "No such chat", e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> wrongPass(WrongPass e) {
        return Problems.answer(HttpStatus.UNAUTHORIZED, "Chat session not valid", e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> wrongSite(WrongSite e) {
        return Problems.answer(HttpStatus.FORBIDDEN, "Chat not for this site", e.getMessage());
    }

    static final class NoSuchWidget extends RuntimeException {
        NoSuchWidget() {
            super("This chat widget is not connected to Heard (any more); check data-account on the page.");
        }
    }

    static final class WrongPass extends RuntimeException {
        WrongPass() {
            super("The visitor's pass is missing or wrong; the widget starts a new chat session.");
        }
    }

    static final class WrongSite extends RuntimeException {
        WrongSite(String reason) {
            super(reason);
        }
    }
}
