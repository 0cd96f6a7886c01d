package org.heard.replies.saved;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.heard.identity.SignedInUser;
import org.heard.replies.ReplyVariables;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Saved replies for machines: the team's and your own, the same rights as the page. */
@RestController
@RequestMapping("/api/replies/saved")
@Tag(name = "Replies")
class SavedRepliesApi {

    private final SavedReplies saved;
    private final ReplyVariables variables;

    SavedRepliesApi(SavedReplies saved, ReplyVariables variables) {
        this.saved = saved;
        this.variables = variables;
    }

    @GetMapping
    @Operation(summary = "The team's saved replies and your own; with q and channel, those the composer would offer")
    List<SavedReply> list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String channel,
            @AuthenticationPrincipal SignedInUser me) {
        return q == null && channel == null
                ? saved.visibleTo(me.id())
                : saved.search(me.id(), q == null ? "" : q, channel, 50);
    }

    @GetMapping("/{id}")
    SavedReply get(@PathVariable long id, @AuthenticationPrincipal SignedInUser me) {
        return saved.get(id, me.asColleague());
    }

    @GetMapping("/{id}/rendered")
    @Operation(summary = "The saved reply's text for a conversation, its variables filled in; what is left is listed")
    ReplyVariables.Rendered rendered(
            @PathVariable long id, @RequestParam long conversation, @AuthenticationPrincipal SignedInUser me) {
        return variables.render(saved.get(id, me.asColleague()).text(), variables.values(conversation, me.id()));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Save a reply: your own, or with team=true the team's (supervisors)")
    SavedReply create(@RequestBody SavedReplyRequest request, @AuthenticationPrincipal SignedInUser me) {
        return saved.save(request.draft(), me.asColleague());
    }

    @PutMapping("/{id}")
    SavedReply change(
            @PathVariable long id, @RequestBody SavedReplyRequest request, @AuthenticationPrincipal SignedInUser me) {
        return saved.change(id, request.draft(), me.asColleague());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable long id, @AuthenticationPrincipal SignedInUser me) {
        saved.remove(id, me.asColleague());
    }

    /** A saved reply as a request carries it; checked as a {@link SavedReplyDraft}, so the refusal says what to fix. */
    record SavedReplyRequest(
            @Nullable String title,
            @Nullable String text,
            @Nullable String channel,
            @Nullable List<String> tags,
            @Nullable String shortcut,
            @Nullable Boolean team) {

        SavedReplyDraft draft() {
            return new SavedReplyDraft(title, text, channel, tags, shortcut, Boolean.TRUE.equals(team));
        }
    }
}
