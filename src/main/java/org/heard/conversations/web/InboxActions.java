package org.heard.conversations.web;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.heard.channels.Moderation;
import org.heard.conversations.ConversationStatus;
import org.heard.conversations.HeldReplies;
import org.heard.conversations.ReplyRefused;
import org.heard.conversations.internal.CommentModeration;
import org.heard.conversations.internal.ConversationNotFound;
import org.heard.conversations.internal.Inbox;
import org.heard.conversations.internal.PaymentDetailReveal;
import org.heard.conversations.internal.ReplyDraft;
import org.heard.conversations.internal.Viewers;
import org.heard.identity.Colleague;
import org.heard.identity.Colleagues;
import org.heard.identity.SignedInUser;
import org.heard.platform.Refused;
import org.heard.platform.TeamTimeZone;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/** What an agent does to the open conversation from the pane: reply, assign, change its status, note, moderate. */
@Controller
class InboxActions {

    private final Inbox inbox;
    private final Viewers viewers;
    private final CommentModeration moderation;
    private final HeldReplies heldReplies;
    private final TeamTimeZone team;
    private final Clock clock;
    private final PaneModel pane;
    private final PaymentDetailReveal reveals;
    private final Colleagues colleagues;

    InboxActions(
            Inbox inbox,
            Viewers viewers,
            CommentModeration moderation,
            HeldReplies heldReplies,
            TeamTimeZone team,
            Clock clock,
            PaneModel pane,
            PaymentDetailReveal reveals,
            Colleagues colleagues) {
        this.colleagues = colleagues;
        this.inbox = inbox;
        this.viewers = viewers;
        this.moderation = moderation;
        this.heldReplies = heldReplies;
        this.team = team;
        this.clock = clock;
        this.pane = pane;
        this.reveals = reveals;
    }

    @GetMapping("/inbox/{id}/pane")
    String pane(@PathVariable long id, Model model) {
        pane.fill(id, model);
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
        } catch (Refused e) {
            model.addAttribute("replyProblem", e.getMessage());
            model.addAttribute("draft", text);
            model.addAttribute("replyMovePrivate", e instanceof ReplyRefused refused && refused.movePrivate());
            model.addAttribute("draftSendAt", sendAt);
        }
        pane.fill(id, model);
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
                throw new Refused("Choose an approved template.");
            }
            inbox.replyWithTemplate(id, me.id(), chosen[0], chosen[1], values);
        } catch (Refused e) {
            model.addAttribute("replyProblem", e.getMessage());
            model.addAttribute("chosenTemplate", template);
            model.addAttribute("templateValues", values);
        }
        pane.fill(id, model);
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
        } catch (Refused e) {
            model.addAttribute("moderationProblem", e.getMessage());
            model.addAttribute("moderatedMessageId", messageId);
        }
        pane.fill(id, model);
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
        pane.fill(id, model);
        return "conversations/pane :: live";
    }

    /** A supervisor reads a masked payment detail once, in this answer only; the reveal is recorded. */
    @PostMapping("/inbox/{id}/messages/{messageId}/reveal")
    String reveal(
            @PathVariable long id,
            @PathVariable long messageId,
            @AuthenticationPrincipal SignedInUser me,
            Model model) {
        model.addAttribute("revealed", Map.of(messageId, reveals.reveal(id, messageId, me)));
        pane.fill(id, model);
        return "conversations/pane :: live";
    }

    @PostMapping("/inbox/{id}/assign")
    String assign(
            @PathVariable long id,
            @RequestParam String assignee,
            @AuthenticationPrincipal SignedInUser me,
            Model model) {
        inbox.assign(id, AssigneeField.read(assignee, me));
        pane.fill(id, model);
        return "conversations/pane :: live";
    }

    @PostMapping("/inbox/{id}/status")
    String status(@PathVariable long id, @RequestParam ConversationStatus status, Model model) {
        inbox.moveTo(id, status);
        pane.fill(id, model);
        return "conversations/pane :: live";
    }

    /** Does what the agent asked, and answers with the conversation; a refusal is shown as the given problem. */
    private String paneAfter(long id, Model model, String problem, Runnable action) {
        try {
            action.run();
        } catch (Refused e) {
            model.addAttribute(problem, e.getMessage());
        }
        pane.fill(id, model);
        return "conversations/pane :: live";
    }

    @PostMapping("/inbox/{id}/tags")
    String tag(@PathVariable long id, @RequestParam(defaultValue = "") String tags, Model model) {
        return paneAfter(id, model, "tagProblem", () -> inbox.tag(id, List.of(tags)));
    }

    @PostMapping("/inbox/{id}/tags/remove")
    String untag(@PathVariable long id, @RequestParam String tag, Model model) {
        inbox.untag(id, tag);
        pane.fill(id, model);
        return "conversations/pane :: live";
    }

    /** The list's bar for several selected conversations: assign, tag or resolve them all; says what changed. */
    @PostMapping("/inbox/changes")
    String changeSeveral(
            @RequestParam(name = "ids", required = false) List<Long> ids,
            @RequestParam String change,
            @RequestParam(required = false) String assignee,
            @RequestParam(defaultValue = "") String tags,
            @AuthenticationPrincipal SignedInUser me,
            Model model) {
        var selected = ids == null ? List.<Long>of() : ids;
        try {
            var done = switch (change) {
                case "assign" -> {
                    var target = AssigneeField.read(assignee == null ? "none" : assignee, me);
                    var changed = inbox.toEach(selected, id -> inbox.assign(id, target));
                    yield said(changed, selected.size(), assigned(target, me));
                }
                case "tag" -> {
                    var tagged = inbox.tagEach(selected, List.of(tags));
                    yield said(tagged.changed(), selected.size(), "tagged " + hashtags(tagged.tags()));
                }
                case "resolve" ->
                    said(
                            inbox.toEach(selected, id -> inbox.moveTo(id, ConversationStatus.RESOLVED)),
                            selected.size(),
                            "resolved");
                default -> throw new Refused("Choose what to do with the selected conversations.");
            };
            model.addAttribute("said", done);
        } catch (Refused | ConversationNotFound e) {
            model.addAttribute("problem", e.getMessage());
        }
        return "conversations/list :: changed";
    }

    /** "3 conversations tagged #refund #late." or "2 of 3 conversations resolved; the others were left as they were." */
    private static String said(int changed, int selected, String done) {
        var count = changed == selected
                ? changed + (changed == 1 ? " conversation" : " conversations")
                : changed + " of " + selected + " conversations";
        var left = changed == selected ? "." : "; the others were left as they were.";
        return count + " " + done + left;
    }

    private String assigned(@Nullable Long target, SignedInUser me) {
        if (target == null) {
            return "unassigned";
        }
        return "assigned to " + (target == me.id() ? "you" : colleagueName(target));
    }

    private static String hashtags(List<String> tags) {
        return tags.stream().map(t -> "#" + t).collect(java.util.stream.Collectors.joining(" "));
    }

    private String colleagueName(long id) {
        return colleagues.find(id).map(Colleague::name).orElse("colleague " + id);
    }

    @PostMapping("/inbox/{id}/notes")
    String note(
            @PathVariable long id, @RequestParam String text, @AuthenticationPrincipal SignedInUser me, Model model) {
        return paneAfter(id, model, "noteProblem", () -> inbox.note(id, me.id(), text));
    }

    @PostMapping("/inbox/{id}/messages/{messageId}/retry")
    String retry(@PathVariable long id, @PathVariable long messageId, Model model) {
        inbox.retry(id, messageId);
        pane.fill(id, model);
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
}
