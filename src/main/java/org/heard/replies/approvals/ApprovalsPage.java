package org.heard.replies.approvals;

import org.heard.identity.SignedInUser;
import org.heard.platform.Refused;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The approvers' queue: replies waiting for the reader first, each with the conversation that led to it, an
 * edit box, Approve and Send back; then replies waiting for others; then the latest decisions. It refreshes
 * itself when the queue changes.
 */
@Controller
class ApprovalsPage {

    private final Approvals approvals;
    private final ApprovalCards cards;
    private final ApprovalsLive live;

    ApprovalsPage(Approvals approvals, ApprovalCards cards, ApprovalsLive live) {
        this.approvals = approvals;
        this.cards = cards;
        this.live = live;
    }

    @ModelAttribute("active")
    String active() {
        return "approvals";
    }

    @GetMapping("/replies/approvals")
    String page(@AuthenticationPrincipal SignedInUser me, Model model) {
        queue(me, model);
        model.addAttribute("decisions", approvals.decisions(null, 30));
        return "replies/approvals";
    }

    @GetMapping("/replies/approvals/queue")
    String queue(@AuthenticationPrincipal SignedInUser me, Model model) {
        var all = cards.forReader(me.asColleague());
        model.addAttribute("mine", all.stream().filter(c -> c.whyNot() == null).toList());
        model.addAttribute(
                "others", all.stream().filter(c -> c.whyNot() != null).toList());
        return "replies/approvals :: queue";
    }

    @GetMapping(path = "/replies/approvals/stream", produces = "text/event-stream")
    @ResponseBody
    SseEmitter stream() {
        return live.subscribe();
    }

    @PostMapping("/replies/approvals/{messageId}/approve")
    String approve(
            @PathVariable long messageId,
            @RequestParam(required = false) @Nullable String text,
            @AuthenticationPrincipal SignedInUser me,
            RedirectAttributes redirect) {
        try {
            var request = approvals.approve(messageId, me.asColleague(), text);
            redirect.addFlashAttribute(
                    "notice",
                    "APPROVED".equals(request.status())
                            ? (request.sendAt() == null ? "Approved and sent." : "Approved; it goes out at its time.")
                            : "Approved step " + request.step() + "; it now waits for step " + (request.step() + 1)
                                    + ".");
        } catch (Refused e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/replies/approvals";
    }

    @PostMapping("/replies/approvals/{messageId}/send-back")
    String sendBack(
            @PathVariable long messageId,
            @RequestParam(required = false) @Nullable String comment,
            @AuthenticationPrincipal SignedInUser me,
            RedirectAttributes redirect) {
        try {
            approvals.sendBack(messageId, me.asColleague(), comment == null ? "" : comment);
            redirect.addFlashAttribute("notice", "Sent back to its author with your comment.");
        } catch (Refused e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/replies/approvals";
    }
}
