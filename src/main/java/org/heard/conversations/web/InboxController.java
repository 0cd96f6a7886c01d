package org.heard.conversations.web;

import java.time.Clock;
import java.util.List;
import org.heard.channels.Channels;
import org.heard.channels.Moderation;
import org.heard.channels.SendFailed;
import org.heard.channels.Templates;
import org.heard.conversations.ConversationStatus;
import org.heard.conversations.HeldReplies;
import org.heard.conversations.ReplyRefused;
import org.heard.conversations.internal.CommentModeration;
import org.heard.conversations.internal.Continuing;
import org.heard.conversations.internal.Inbox;
import org.heard.conversations.internal.InboxFilter;
import org.heard.conversations.internal.InboxQueries;
import org.heard.conversations.internal.Profiles;
import org.heard.conversations.internal.ReplyDraft;
import org.heard.conversations.internal.Viewers;
import org.heard.identity.Colleagues;
import org.heard.identity.SignedInUser;
import org.heard.platform.TeamTimeZone;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The agent's live inbox: the list on the left, the open conversation on the right. */
@Controller
class InboxController {

    private static final int PAGE = 50;

    private final InboxQueries queries;
    private final Inbox inbox;
    private final Colleagues colleagues;
    private final Channels channels;
    private final Viewers viewers;
    private final Continuing continuing;
    private final Profiles profiles;
    private final Templates templates;
    private final CommentModeration moderation;
    private final HeldReplies heldReplies;
    private final TeamTimeZone team;
    private final Clock clock;

    InboxController(
            InboxQueries queries,
            Inbox inbox,
            Colleagues colleagues,
            Channels channels,
            Viewers viewers,
            Continuing continuing,
            Profiles profiles,
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
        this.continuing = continuing;
        this.profiles = profiles;
        this.viewers = viewers;
        this.queries = queries;
        this.inbox = inbox;
        this.colleagues = colleagues;
        this.channels = channels;
    }

    @ModelAttribute("filter")
    InboxFilter filter(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String visibility,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) String queue,
            @RequestParam(required = false) String q) {
        return new InboxFilter(status, assignee, visibility, channel, queue, q);
    }

    @GetMapping({"/", "/inbox"})
    String inbox(@ModelAttribute("filter") InboxFilter filter, @AuthenticationPrincipal SignedInUser me, Model model) {
        page(filter, me, null, model);
        return "conversations/inbox";
    }

    @GetMapping("/inbox/list")
    String list(
            @ModelAttribute("filter") InboxFilter filter,
            @RequestParam(required = false) @Nullable Long selected,
            @RequestParam(required = false) @Nullable String cursor,
            @AuthenticationPrincipal SignedInUser me,
            Model model) {
        model.addAttribute("page", queries.list(filter, me.id(), cursor, PAGE));
        model.addAttribute("selectedId", selected);
        return cursor == null ? "conversations/list :: content" : "conversations/list :: rows";
    }

    @GetMapping("/inbox/{id}")
    String conversation(
            @PathVariable long id,
            @ModelAttribute("filter") InboxFilter filter,
            @AuthenticationPrincipal SignedInUser me,
            Model model) {
        page(filter, me, id, model);
        return "conversations/inbox";
    }

    @GetMapping("/inbox/{id}/pane")
    String pane(@PathVariable long id, Model model) {
        paneModel(id, model);
        return "conversations/pane :: pane";
    }

    @PostMapping("/inbox/{id}/reply")
    String reply(
            @PathVariable long id,
            @RequestParam String text,
            @RequestParam(defaultValue = "public") String visibility,
            @RequestParam(required = false) @Nullable String sendAt,
            @AuthenticationPrincipal SignedInUser me,
            Model model) {
        try {
            var at = sendAt == null || sendAt.isBlank() ? null : team.later(sendAt, null, clock.instant());
            inbox.reply(id, me.id(), new ReplyDraft(text, ConversationsApi.parseVisibility(visibility), null, at));
        } catch (IllegalArgumentException e) {
            model.addAttribute("replyProblem", e.getMessage());
            model.addAttribute("draft", text);
            model.addAttribute("replyMovePrivate", e instanceof ReplyRefused refused && refused.movePrivate());
            model.addAttribute("draftSendAt", sendAt);
        }
        paneModel(id, model);
        return "conversations/pane :: pane";
    }

    @PostMapping("/inbox/{id}/template")
    String replyWithTemplate(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String template,
            @RequestParam(name = "variable", required = false) @Nullable List<String> variables,
            @AuthenticationPrincipal SignedInUser me,
            Model model) {
        var values = variables == null ? List.<String>of() : variables;
        try {
            var chosen = template.split("\\|", 2);
            if (chosen.length != 2) {
                throw new IllegalArgumentException("Choose an approved template.");
            }
            inbox.replyWithTemplate(id, me.id(), chosen[0], chosen[1], values);
        } catch (IllegalArgumentException e) {
            model.addAttribute("replyProblem", e.getMessage());
            model.addAttribute("chosenTemplate", template);
            model.addAttribute("templateValues", values);
        }
        paneModel(id, model);
        return "conversations/pane :: pane";
    }

    @PostMapping("/inbox/{id}/messages/{messageId}/moderation")
    String moderate(
            @PathVariable long id,
            @PathVariable long messageId,
            @RequestParam Moderation action,
            @AuthenticationPrincipal SignedInUser me,
            Model model) {
        try {
            moderation.moderate(id, messageId, action, me.id());
        } catch (IllegalArgumentException e) {
            model.addAttribute("moderationProblem", e.getMessage());
            model.addAttribute("moderatedMessageId", messageId);
        }
        paneModel(id, model);
        return "conversations/pane :: live";
    }

    /** The author, or a supervisor, withdraws a reply that waits for approval or for its time. */
    @PostMapping("/inbox/{id}/messages/{messageId}/withdraw")
    String withdraw(
            @PathVariable long id,
            @PathVariable long messageId,
            @AuthenticationPrincipal SignedInUser me,
            Model model) {
        ConversationsApi.withdraw(heldReplies, id, messageId, me);
        paneModel(id, model);
        return "conversations/pane :: live";
    }

    @PostMapping("/inbox/{id}/assign")
    String assign(
            @PathVariable long id,
            @RequestParam String assignee,
            @AuthenticationPrincipal SignedInUser me,
            Model model) {
        Long target = switch (assignee) {
            case "me" -> me.id();
            case "none" -> null;
            default -> Long.parseLong(assignee);
        };
        inbox.assign(id, target);
        paneModel(id, model);
        return "conversations/pane :: live";
    }

    @PostMapping("/inbox/{id}/status")
    String status(@PathVariable long id, @RequestParam ConversationStatus status, Model model) {
        inbox.moveTo(id, status);
        paneModel(id, model);
        return "conversations/pane :: live";
    }

    @PostMapping("/inbox/{id}/notes")
    String note(
            @PathVariable long id, @RequestParam String text, @AuthenticationPrincipal SignedInUser me, Model model) {
        try {
            inbox.note(id, me.id(), text);
        } catch (IllegalArgumentException e) {
            model.addAttribute("noteProblem", e.getMessage());
        }
        paneModel(id, model);
        return "conversations/pane :: live";
    }

    @PostMapping("/inbox/{id}/messages/{messageId}/retry")
    String retry(@PathVariable long id, @PathVariable long messageId, Model model) {
        inbox.retry(id, messageId);
        paneModel(id, model);
        return "conversations/pane :: live";
    }

    @PostMapping("/inbox/{id}/viewing")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void viewing(
            @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean typing,
            @AuthenticationPrincipal SignedInUser me) {
        viewers.seen(id, me.id(), me.name(), typing);
    }

    @GetMapping("/inbox/{id}/viewers")
    String viewers(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, Model model) {
        model.addAttribute("viewers", viewers.besides(id, me.id()));
        return "conversations/pane :: viewers";
    }

    private void page(InboxFilter filter, SignedInUser me, @Nullable Long selected, Model model) {
        model.addAttribute("page", queries.list(filter, me.id(), null, PAGE));
        model.addAttribute("selectedId", selected);
        model.addAttribute("channels", channels.names().stream().sorted().toList());
        model.addAttribute("queues", queries.queuesInUse(filter));
        if (selected != null) {
            paneModel(selected, model);
        }
    }

    /** What the pane shows: the conversation, colleagues, where it can go on and the customer's profiles. */
    void paneModel(long id, Model model) {
        var conversation = queries.detail(id);
        model.addAttribute("conversation", conversation);
        if (conversation.templatesOnly()) {
            try {
                model.addAttribute("templates", templates.approved(conversation.channel(), conversation.account()));
            } catch (SendFailed e) {
                model.addAttribute("templates", List.of());
                model.addAttribute(
                        "templatesProblem", "Heard cannot list the approved templates now: " + e.getMessage());
            }
        }
        model.addAttribute("colleagues", colleagues.active());
        model.addAttribute("continuation", continuing.options(id));
        var all = profiles.of(conversation.customer().contactId());
        long own = conversation.customer().identityId();
        model.addAttribute(
                "alsoOn", all.stream().filter(p -> p.identityId() != own).toList());
        model.addAttribute(
                "profile",
                all.stream().filter(p -> p.identityId() == own).findFirst().orElse(null));
    }
}
