package org.heard.conversations.web;

import jakarta.servlet.http.HttpServletResponse;
import org.heard.conversations.internal.ContinuationDraft;
import org.heard.conversations.internal.Continuing;
import org.heard.conversations.internal.InboxQueries;
import org.heard.conversations.internal.Profiles;
import org.heard.identity.SignedInUser;
import org.heard.platform.Refused;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The pane's "Continue privately / elsewhere" action and the customer's linked profiles. */
@Controller
class ContinuingController {

    private final Continuing continuing;
    private final Profiles profiles;
    private final InboxQueries queries;
    private final PaneModel pane;

    ContinuingController(Continuing continuing, Profiles profiles, InboxQueries queries, PaneModel pane) {
        this.continuing = continuing;
        this.profiles = profiles;
        this.queries = queries;
        this.pane = pane;
    }

    @PostMapping("/inbox/{id}/continue")
    String continueConversation(
            @PathVariable long id,
            @RequestParam(defaultValue = "private") String target,
            @RequestParam(required = false) @Nullable String note,
            @RequestParam(required = false) @Nullable String text,
            @AuthenticationPrincipal SignedInUser me,
            HttpServletResponse response,
            Model model) {
        long shown = id;
        try {
            Long identityId = "private".equals(target) ? null : identityId(target);
            shown = continuing.continueConversation(id, me.id(), new ContinuationDraft(identityId, note, text));
            if (shown != id) {
                response.setHeader("HX-Push-Url", "/inbox/" + shown);
            }
        } catch (Refused e) {
            model.addAttribute("continueProblem", e.getMessage());
            model.addAttribute("continueTarget", target);
            model.addAttribute("continueNote", note);
            model.addAttribute("continueText", text);
        }
        pane.fill(shown, model);
        return "conversations/pane :: pane";
    }

    @GetMapping("/inbox/{id}/profiles/search")
    String search(@PathVariable long id, @RequestParam(required = false) @Nullable String q, Model model) {
        var conversation = queries.detail(id);
        model.addAttribute("conversation", conversation);
        model.addAttribute("found", profiles.search(conversation.customer().contactId(), q));
        model.addAttribute("query", q == null ? "" : q.strip());
        return "conversations/pane :: found";
    }

    @PostMapping("/inbox/{id}/profiles/{identityId}/link")
    String link(
            @PathVariable long id,
            @PathVariable long identityId,
            @AuthenticationPrincipal SignedInUser me,
            Model model) {
        try {
            profiles.link(queries.detail(id).customer().contactId(), identityId, me.id());
        } catch (Refused e) {
            model.addAttribute("profileProblem", e.getMessage());
        }
        pane.fill(id, model);
        return "conversations/pane :: pane";
    }

    @PostMapping("/inbox/{id}/profiles/{identityId}/unlink")
    String unlink(
            @PathVariable long id,
            @PathVariable long identityId,
            @AuthenticationPrincipal SignedInUser me,
            Model model) {
        try {
            profiles.unlink(queries.detail(id).customer().contactId(), identityId, me.id());
        } catch (Refused e) {
            model.addAttribute("profileProblem", e.getMessage());
        }
        pane.fill(id, model);
        return "conversations/pane :: pane";
    }

    /** The profile the form names by its id; anything else is no choice the pane offers. */
    private static Long identityId(String target) {
        try {
            return Long.valueOf(target);
        } catch (NumberFormatException e) {
            throw new Refused("Choose where the conversation goes on: privately, or one of the customer's profiles.");
        }
    }
}
