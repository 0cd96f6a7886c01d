package org.heard.conversations.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.heard.channels.Visibility;
import org.heard.conversations.ConversationStatus;
import org.heard.conversations.internal.ConversationView;
import org.heard.conversations.internal.Inbox;
import org.heard.conversations.internal.InboxFilter;
import org.heard.conversations.internal.InboxPage;
import org.heard.conversations.internal.InboxQueries;
import org.heard.conversations.internal.LiveInbox;
import org.heard.conversations.internal.ReplyDraft;
import org.heard.identity.SignedInUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The inbox for machines: the same operations the agent's screen offers. */
@RestController
@RequestMapping("/api")
@Tag(name = "Conversations")
class ConversationsApi {

    private final InboxQueries queries;
    private final Inbox inbox;
    private final LiveInbox live;

    ConversationsApi(InboxQueries queries, Inbox inbox, LiveInbox live) {
        this.queries = queries;
        this.inbox = inbox;
        this.live = live;
    }

    @GetMapping("/conversations")
    @Operation(summary = "List conversations by priority, then by how long the customer has waited")
    InboxPage list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String visibility,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) String queue,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") int limit,
            @AuthenticationPrincipal SignedInUser me) {
        return queries.list(new InboxFilter(status, assignee, visibility, channel, queue), me.id(), cursor, limit);
    }

    @GetMapping("/conversations/{id}")
    ConversationView get(@PathVariable long id) {
        return queries.detail(id);
    }

    @PostMapping("/conversations/{id}/replies")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Reply in public (in the thread) or in private, by default the conversation's own way;"
                    + " the reply is sent from the outbox")
    ConversationView.MessageView reply(
            @PathVariable long id, @RequestBody ReplyRequest request, @AuthenticationPrincipal SignedInUser me) {
        if (request.text() == null || request.text().isBlank()) {
            throw new IllegalArgumentException("Write a reply before sending it.");
        }
        // Without a visibility, a reply goes the conversation's own way: privately once it went private.
        var visibility = request.visibility() == null
                ? Visibility.valueOf(queries.detail(id).visibility())
                : parseVisibility(request.visibility());
        var message = inbox.reply(id, me.id(), new ReplyDraft(request.text(), visibility));
        return queries.detail(id).messages().stream()
                .filter(m -> m.id() == message.id())
                .findFirst()
                .orElseThrow();
    }

    @PostMapping("/conversations/{id}/assignment")
    @Operation(summary = "Assign to a colleague by id, to yourself with \"me\", or to nobody with null")
    ConversationView assign(
            @PathVariable long id, @RequestBody AssignRequest request, @AuthenticationPrincipal SignedInUser me) {
        Long assignee = request.assignee() == null
                ? null
                : "me".equals(request.assignee()) ? me.id() : parseId(request.assignee());
        inbox.assign(id, assignee);
        return queries.detail(id);
    }

    @PostMapping("/conversations/{id}/status")
    @Operation(summary = "Move to OPEN, PENDING or RESOLVED (reopen a resolved one with OPEN)")
    ConversationView status(@PathVariable long id, @RequestBody StatusRequest request) {
        ConversationStatus status;
        try {
            status = ConversationStatus.valueOf(String.valueOf(request.status()).toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Status must be OPEN, PENDING or RESOLVED.");
        }
        inbox.moveTo(id, status);
        return queries.detail(id);
    }

    @PostMapping("/conversations/{id}/notes")
    @ResponseStatus(HttpStatus.CREATED)
    ConversationView note(
            @PathVariable long id, @RequestBody NoteRequest request, @AuthenticationPrincipal SignedInUser me) {
        inbox.note(id, me.id(), request.text());
        return queries.detail(id);
    }

    @PostMapping("/conversations/{id}/messages/{messageId}/retry")
    @Operation(summary = "Send a failed reply again")
    ConversationView retry(@PathVariable long id, @PathVariable long messageId) {
        inbox.retry(id, messageId);
        return queries.detail(id);
    }

    @GetMapping(path = "/inbox/stream", produces = "text/event-stream")
    @Operation(summary = "Live changes: one 'conversation' event per change with id, status and preview")
    SseEmitter stream() {
        return live.subscribe();
    }

    static Visibility parseVisibility(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return Visibility.PUBLIC;
        }
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "public" -> Visibility.PUBLIC;
            case "private" -> Visibility.PRIVATE;
            default -> throw new IllegalArgumentException("Visibility is \"public\" or \"private\".");
        };
    }

    private static long parseId(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Assignee is a colleague's id, \"me\" or null.");
        }
    }

    record ReplyRequest(String text, @Nullable String visibility) {}

    record AssignRequest(@Nullable String assignee) {}

    record StatusRequest(@Nullable String status) {}

    record NoteRequest(String text) {}
}
