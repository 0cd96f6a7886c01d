package org.heard.replies.scheduling;

import org.heard.channels.Channels;
import org.heard.identity.Colleagues;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Scheduled replies and the brand's scheduled posts, with a form to schedule a post and Cancel on each. */
@Controller
class ScheduledPage {

    private final Scheduling scheduling;
    private final Channels channels;
    private final Colleagues colleagues;

    ScheduledPage(Scheduling scheduling, Channels channels, Colleagues colleagues) {
        this.scheduling = scheduling;
        this.channels = channels;
        this.colleagues = colleagues;
    }

    @ModelAttribute("active")
    String active() {
        return "scheduled";
    }

    @GetMapping("/replies/scheduled")
    String page(Model model) {
        model.addAttribute("names", colleagues.names());
        model.addAttribute("replies", scheduling.replies());
        model.addAttribute("posts", scheduling.posts());
        model.addAttribute("targets", channels.postTargets());
        return "replies/scheduled";
    }

    @PostMapping("/replies/scheduled/posts")
    String schedule(
            @RequestParam(defaultValue = "") String target,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(required = false) @Nullable String sendAt,
            @AuthenticationPrincipal SignedInUser me,
            RedirectAttributes redirect) {
        try {
            var where = target.split("\\|", 2);
            var post = scheduling.schedule(where[0], where.length > 1 ? where[1] : null, text, sendAt, null, me);
            redirect.addFlashAttribute("notice", "Scheduled your post on " + post.channel() + ".");
        } catch (Refused e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            redirect.addFlashAttribute("postTarget", target);
            redirect.addFlashAttribute("postText", text);
            redirect.addFlashAttribute("postSendAt", sendAt);
        }
        return "redirect:/replies/scheduled";
    }

    @PostMapping("/replies/scheduled/posts/{id}/cancel")
    String cancelPost(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        try {
            scheduling.cancelPost(id, me);
            redirect.addFlashAttribute("notice", "Cancelled the post; it will not go out.");
        } catch (Refused e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/replies/scheduled";
    }

    @PostMapping("/replies/scheduled/replies/{messageId}/cancel")
    String cancelReply(
            @PathVariable long messageId, @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        try {
            scheduling.cancelReply(messageId, me);
            redirect.addFlashAttribute("notice", "Cancelled the reply; it will not go out.");
        } catch (Refused e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/replies/scheduled";
    }
}
