package org.heard.conversations.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import org.heard.channels.MessageTemplate;
import org.heard.channels.Moderation;
import org.heard.channels.SendFailed;
import org.heard.channels.Templates;
import org.heard.channels.Visibility;
import org.heard.conversations.ConversationStatus;
import org.heard.conversations.HeldReplies;
import org.heard.conversations.internal.CommentModeration;
import org.heard.conversations.internal.ConversationView;
import org.heard.conversations.internal.Inbox;
import org.heard.conversations.internal.InboxFilter;
import org.heard.conversations.internal.InboxPage;
import org.heard.conversations.internal.InboxQueries;
import org.heard.conversations.internal.LiveInbox;
import org.heard.conversations.internal.ReplyDraft;
import org.heard.identity.Role;
import org.heard.identity.SignedInUser;
import org.heard.platform.Refused;
import org.heard.platform.TeamTimeZone;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
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
    private final Templates templates;
    private final CommentModeration moderation;
    private final HeldReplies heldReplies;
    private final TeamTimeZone team;
    private final Clock clock;

    ConversationsApi(
            InboxQueries queries,
            Inbox inbox,
            LiveInbox live,
            Templates templates,
            CommentModeration moderation,
            HeldReplies heldReplies,
            TeamTimeZone team,
            Clock clock) {
        this.heldReplies = heldReplies;
        this.team = team;
        this.clock = clock;
        this.templates = templates;
        this.moderation = moderation;
        this.queries = queries;
        this.inbox = inbox;
        this.live = live;
    }

    @GetMapping("/conversations")
    @Operation(
            summary = "List conversations by priority, then by how long the customer has waited;"
                    + " with q, the conversations whose messages match, newest first",
            description = "q is searched in every message's words (no stemming, any language):"
                    + " all words must occur, \"a phrase\" in order, `or` between alternatives, -word to exclude."
                    + " Each match shows its newest matching message as its preview. The other filters still apply."
                    + " contact (a customer's contactId) lists one customer's conversations on every network.")
    InboxPage list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String visibility,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) String queue,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) @Nullable Long contact,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") int limit,
            @AuthenticationPrincipal SignedInUser me) {
        return queries.list(
                new InboxFilter(status, assignee, visibility, channel, queue, q, contact), me.id(), cursor, limit);
    }

    @GetMapping("/conversations/{id}")
    ConversationView get(@PathVariable long id) {
        return queries.detail(id);
    }

    @PostMapping("/conversations/{id}/replies")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Reply in public (in the thread) or in private, by default the conversation's own way;"
                    + " the reply is sent from the outbox",
            description = "With sendAt (an ISO instant such as 2026-12-24T15:00:00Z, or a local time such as"
                    + " 2026-12-24T15:00 in the team's time zone or in zone) the reply is SCHEDULED and goes out"
                    + " then. A reply an approval rule catches is HELD until approved; its deliveryState and note"
                    + " say so.")
    ConversationView.MessageView reply(
            @PathVariable long id, @RequestBody ReplyRequest request, @AuthenticationPrincipal SignedInUser me) {
        if (request.text() == null || request.text().isBlank()) {
            throw new Refused("Write a reply before sending it.");
        }
        // Without a visibility, a reply goes the conversation's own way: privately once it went private.
        var visibility = request.visibility() == null
                ? Visibility.valueOf(queries.detail(id).visibility())
                : parseVisibility(request.visibility());
        var sendAt = request.sendAt() == null || request.sendAt().isBlank()
                ? null
                : team.later(request.sendAt(), request.zone(), clock.instant());
        var message = inbox.reply(id, me.id(), new ReplyDraft(request.text(), visibility, null, sendAt));
        return queries.detail(id).messages().stream()
                .filter(m -> m.id() == message.id())
                .findFirst()
                .orElseThrow();
    }

    @GetMapping("/conversations/{id}/templates")
    @Operation(summary = "The approved templates of the conversation's account (WhatsApp), to send after its window")
    List<MessageTemplate> templates(@PathVariable long id) {
        var conversation = queries.detail(id);
        try {
            return templates.approved(conversation.channel(), conversation.account());
        } catch (SendFailed e) {
            throw new Refused("Heard cannot list the approved templates now: " + e.getMessage());
        }
    }

    @PostMapping("/conversations/{id}/template-replies")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Send an approved template with a value for each {{n}}, in order")
    ConversationView.MessageView replyWithTemplate(
            @PathVariable long id, @RequestBody TemplateRequest request, @AuthenticationPrincipal SignedInUser me) {
        if (request.name() == null || request.language() == null) {
            throw new Refused("Name the template and its language.");
        }
        var message = inbox.replyWithTemplate(
                id,
                me.id(),
                request.name(),
                request.language(),
                request.variables() == null ? List.of() : request.variables());
        return queries.detail(id).messages().stream()
                .filter(m -> m.id() == message.id())
                .findFirst()
                .orElseThrow();
    }

    @PostMapping("/conversations/{id}/messages/{messageId}/moderation")
    @Operation(summary = "LIKE, UNLIKE, HIDE or UNHIDE a customer's public comment on the network, at once")
    ConversationView.MessageView moderate(
            @PathVariable long id,
            @PathVariable long messageId,
            @RequestBody ModerationRequest request,
            @AuthenticationPrincipal SignedInUser me) {
        Moderation action;
        try {
            action = Moderation.valueOf(String.valueOf(request.action()).toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Refused("Action is LIKE, UNLIKE, HIDE or UNHIDE.");
        }
        moderation.moderate(id, messageId, action, me.id());
        return queries.detail(id).messages().stream()
                .filter(m -> m.id() == messageId)
                .findFirst()
                .orElseThrow();
    }

    @PostMapping("/conversations/{id}/assignment")
    @Operation(summary = "Assign to a colleague by id, to yourself with \"me\", or to nobody with null or \"none\"")
    ConversationView assign(
            @PathVariable long id, @RequestBody AssignRequest request, @AuthenticationPrincipal SignedInUser me) {
        var assignee = request.assignee() == null ? null : AssigneeField.read(request.assignee(), me);
        inbox.assign(id, assignee);
        return queries.detail(id);
    }

    @PostMapping("/conversations/{id}/status")
    @Operation(summary = "Move to OPEN, PENDING or RESOLVED (reopen a resolved one with OPEN)")
    ConversationView status(@PathVariable long id, @RequestBody StatusRequest request) {
        inbox.moveTo(id, status(request.status()));
        return queries.detail(id);
    }

    private static ConversationStatus status(@Nullable String status) {
        try {
            return ConversationStatus.valueOf(String.valueOf(status).toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Refused("Status must be OPEN, PENDING or RESOLVED.");
        }
    }

    @PostMapping("/conversations/{id}/tags")
    @Operation(summary = "Add tags, such as [\"refund\", \"late\"]; each is one word, case is not kept")
    ConversationView tag(@PathVariable long id, @RequestBody TagRequest request) {
        inbox.tag(id, request.tags() == null ? List.of() : request.tags());
        return queries.detail(id);
    }

    @DeleteMapping("/conversations/{id}/tags/{tag}")
    @Operation(summary = "Take a tag off")
    ConversationView untag(@PathVariable long id, @PathVariable String tag) {
        inbox.untag(id, tag);
        return queries.detail(id);
    }

    @PostMapping("/conversations/changes")
    @Operation(
            summary = "Change several conversations at once: assign them, tag them or move them to a status",
            description = "Give ids (up to 200) and one change: assignee (a colleague's id, \"me\" or \"none\"),"
                    + " tags, or status. Each conversation changes in its own transaction; one that is gone or"
                    + " refuses is left as it was, and changed says how many changed.")
    Changed changeSeveral(@RequestBody ChangeRequest request, @AuthenticationPrincipal SignedInUser me) {
        var ids = request.ids() == null ? List.<Long>of() : request.ids();
        var changes = (request.assignee() == null ? 0 : 1)
                + (request.tags() == null ? 0 : 1)
                + (request.status() == null ? 0 : 1);
        if (changes != 1) {
            throw new Refused("Give one change: assignee, tags or status.");
        }
        if (request.assignee() != null) {
            var assignee = AssigneeField.read(request.assignee(), me);
            return new Changed(inbox.toEach(ids, id -> inbox.assign(id, assignee)));
        }
        if (request.tags() != null) {
            return new Changed(inbox.tagEach(ids, request.tags()).changed());
        }
        var status = status(request.status());
        return new Changed(inbox.toEach(ids, id -> inbox.moveTo(id, status)));
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

    @PostMapping("/conversations/{id}/messages/{messageId}/withdraw")
    @Operation(
            summary = "Withdraw a reply that waits for approval or for its scheduled time (its author or a supervisor)")
    ConversationView withdraw(
            @PathVariable long id, @PathVariable long messageId, @AuthenticationPrincipal SignedInUser me) {
        withdraw(heldReplies, id, messageId, me);
        return queries.detail(id);
    }

    /** Withdraws a waiting reply of this conversation for its author or a supervisor. */
    static void withdraw(HeldReplies heldReplies, long conversationId, long messageId, SignedInUser me) {
        var reply = heldReplies.find(messageId);
        if (reply.conversationId() != conversationId) {
            throw new Refused("There is no reply " + messageId + " in this conversation.");
        }
        var author = reply.authorUserId();
        if (me.role() == Role.AGENT && (author == null || author != me.id())) {
            throw new AccessDeniedException("Only its author or a supervisor can withdraw this reply.");
        }
        heldReplies.cancel(messageId, me.id());
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
            default -> throw new Refused("Visibility is \"public\" or \"private\".");
        };
    }

    /**
     * A reply.
     *
     * @param sendAt when to send it, or null for now: an ISO instant, or a local time in {@code zone}
     * @param zone the time zone of a local sendAt, by default the team's
     */
    record ReplyRequest(
            String text,
            @Nullable String visibility,
            @Nullable String sendAt,
            @Nullable String zone) {}

    record TemplateRequest(
            @Nullable String name,
            @Nullable String language,
            @Nullable List<String> variables) {}

    record ModerationRequest(@Nullable String action) {}

    record AssignRequest(@Nullable String assignee) {}

    record StatusRequest(@Nullable String status) {}

    record TagRequest(@Nullable List<String> tags) {}

    record ChangeRequest(
            @Nullable List<Long> ids,
            @Nullable String assignee,
            @Nullable List<String> tags,
            @Nullable String status) {}

    /** How many of the conversations changed. */
    record Changed(int changed) {}

    record NoteRequest(String text) {}
}
