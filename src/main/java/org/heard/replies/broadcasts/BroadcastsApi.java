package org.heard.replies.broadcasts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.heard.identity.SignedInUser;
import org.heard.platform.Refused;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Broadcasts for machines: the same operations as the broadcast pages. Supervisors and admins only. */
@RestController
@RequestMapping("/api/replies/broadcasts")
@PreAuthorize("hasRole('SUPERVISOR')")
@Tag(name = "Broadcasts")
class BroadcastsApi {

    private final Broadcasts broadcasts;
    private final BroadcastLive live;

    BroadcastsApi(Broadcasts broadcasts, BroadcastLive live) {
        this.broadcasts = broadcasts;
        this.live = live;
    }

    /**
     * What starts a broadcast.
     *
     * @param key a one-time key (such as a UUID) made once per broadcast the client means to start; sending it again
     *     returns the broadcast it started
     * @param visibility {@code public} or {@code private} for every recipient, or empty for each conversation's own
     * @param pace a pace slower than the networks' own, such as {@code 1/10s}, or empty
     */
    record StartRequest(
            @Nullable String key,
            @Nullable String text,
            @Nullable Audience audience,
            @Nullable String visibility,
            @Nullable String pace) {

        BroadcastDraft draft() {
            if (audience == null) {
                throw new Refused(
                        "Say which conversations it goes to in audience, such as" + " {\"tags\": [\"outage\"]}.");
            }
            return new BroadcastDraft(
                    key,
                    text,
                    audience.criteria(),
                    Audience.visibility(
                            visibility, "Use public, private, or leave it out for each conversation's own."),
                    pace == null || pace.isBlank() ? null : Pace.parse(pace));
        }
    }

    record PreviewRequest(
            @Nullable Audience audience, @Nullable String text) {}

    @PostMapping("/preview")
    @Operation(summary = "How many conversations and people a broadcast would reach now, a sample, and warnings")
    Preview preview(@RequestBody PreviewRequest request) {
        var audience = request.audience() == null ? new Audience(null, null, null, null, null) : request.audience();
        return broadcasts.preview(audience.criteria(), request.text());
    }

    @PostMapping
    @Operation(
            summary = "Start a broadcast: 201 with the new one, or 200 with the one this key already started;"
                    + " recipients are frozen now, one reply per person")
    ResponseEntity<Progress> start(@RequestBody StartRequest request, @AuthenticationPrincipal SignedInUser me) {
        var started = broadcasts.start(request.draft(), me.id());
        var progress = started.progress();
        if (!started.created()) {
            return ResponseEntity.ok(progress);
        }
        return ResponseEntity.created(URI.create(
                        "/api/replies/broadcasts/" + progress.broadcast().id()))
                .body(progress);
    }

    @GetMapping
    @Operation(summary = "The newest broadcasts with how far each got")
    List<Progress> list(@RequestParam(defaultValue = "50") int limit) {
        return broadcasts.history(limit);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A broadcast with its recipients counted by state")
    Progress get(@PathVariable long id) {
        return broadcasts.progress(id);
    }

    @GetMapping("/{id}/recipients")
    @Operation(
            summary = "Recipients with what became of each: PENDING, SENDING, SENT, HELD, FAILED, SKIPPED or"
                    + " CANCELLED, and the reason")
    List<Recipient> recipients(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "100") int limit) {
        return broadcasts.recipients(id, state(state), offset, limit);
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Stop sending: pending recipients are cancelled, replies awaiting approval withdrawn")
    Progress cancel(@PathVariable long id, @AuthenticationPrincipal SignedInUser me) {
        return broadcasts.cancel(id, me.id(), me.name());
    }

    @GetMapping(path = "/stream", produces = "text/event-stream")
    @Operation(summary = "Live progress: an event named broadcast-<id> whenever that broadcast moves on")
    SseEmitter stream() {
        return live.subscribe();
    }

    static @Nullable RecipientState state(@Nullable String state) {
        if (state == null || state.isBlank() || state.equalsIgnoreCase("all")) {
            return null;
        }
        try {
            return RecipientState.valueOf(state.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Refused("'" + state + "' is not a recipient state; use pending, sending,"
                    + " sent, held, failed, skipped or cancelled.");
        }
    }
}
