package org.heard.replies.saved;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.heard.identity.SignedInUser;
import org.heard.platform.Refused;
import org.heard.replies.ReplyVariables;
import org.heard.replies.composer.SignatureStyle;
import org.heard.replies.composer.Signatures;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The saved replies page: agents keep their own, supervisors the team's and how the team signs on each channel. A
 * form that cannot be saved comes back with what was typed and what to fix.
 */
@Controller
class SavedRepliesPage {

    private final SavedReplies saved;
    private final Signatures signatures;

    SavedRepliesPage(SavedReplies saved, Signatures signatures) {
        this.saved = saved;
        this.signatures = signatures;
    }

    /** What the form shows: a reply being written or changed. */
    record Form(
            @Nullable Long id, String title, String text, String channel, String tags, String shortcut, boolean team) {

        Form {
            title = title == null ? "" : title;
            text = text == null ? "" : text;
            channel = channel == null ? "" : channel;
            tags = tags == null ? "" : tags;
            shortcut = shortcut == null ? "" : shortcut;
        }

        /** The form as posted; a box not ticked, or a field left out, is empty. */
        static Form posted(Map<String, String> fields) {
            var id = fields.getOrDefault("id", "");
            return new Form(
                    id.isBlank() ? null : Long.valueOf(id),
                    fields.get("title"),
                    fields.get("text"),
                    fields.get("channel"),
                    fields.get("tags"),
                    fields.get("shortcut"),
                    "true".equals(fields.get("team")));
        }

        static Form blank() {
            return new Form(null, "", "", "", "", "", false);
        }

        static Form of(SavedReply reply) {
            return new Form(
                    reply.id(),
                    reply.title(),
                    reply.text(),
                    reply.channel() == null ? "" : reply.channel(),
                    String.join(", ", reply.tags()),
                    reply.shortcut() == null ? "" : reply.shortcut(),
                    reply.team());
        }

        SavedReplyDraft draft() {
            return new SavedReplyDraft(title, text, channel, Arrays.asList(tags.split("[,\\s]+")), shortcut, team);
        }
    }

    @GetMapping("/replies/saved")
    String page(
            @RequestParam(required = false) @Nullable Long edit,
            @AuthenticationPrincipal SignedInUser me,
            Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", edit == null ? Form.blank() : Form.of(saved.get(edit, me.asColleague())));
        }
        model.addAttribute("active", "replies");
        model.addAttribute("replies", saved.visibleTo(me.id()));
        model.addAttribute("supervisor", SavedReplies.keepsTeamReplies(me.asColleague()));
        model.addAttribute("signatures", signatures.everyChannel());
        model.addAttribute("styles", SignatureStyle.values());
        model.addAttribute("variables", ReplyVariables.STANDARD);
        return "replies/saved";
    }

    @PostMapping("/replies/saved")
    String save(
            @RequestParam Map<String, String> fields,
            @AuthenticationPrincipal SignedInUser me,
            RedirectAttributes redirect) {
        var form = Form.posted(fields);
        try {
            var reply = form.id() == null
                    ? saved.save(form.draft(), me.asColleague())
                    : saved.change(form.id(), form.draft(), me.asColleague());
            redirect.addFlashAttribute("notice", "Saved \"" + reply.title() + "\".");
        } catch (Refused | ResponseStatusException e) {
            redirect.addFlashAttribute("problem", reason(e));
            redirect.addFlashAttribute("form", form);
        }
        return "redirect:/replies/saved";
    }

    @PostMapping("/replies/saved/{id}/remove")
    String remove(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        try {
            var title = saved.get(id, me.asColleague()).title();
            saved.remove(id, me.asColleague());
            redirect.addFlashAttribute("notice", "Removed \"" + title + "\".");
        } catch (ResponseStatusException e) {
            redirect.addFlashAttribute("problem", reason(e));
        }
        return "redirect:/replies/saved";
    }

    @PostMapping("/replies/signatures")
    @org.springframework.security.access.prepost.PreAuthorize("hasRole('SUPERVISOR')")
    String sign(
            @RequestParam List<String> channel,
            @RequestParam List<SignatureStyle> style,
            @AuthenticationPrincipal SignedInUser me,
            RedirectAttributes redirect) {
        try {
            for (int i = 0; i < Math.min(channel.size(), style.size()); i++) {
                signatures.set(channel.get(i), style.get(i), me.id());
            }
            redirect.addFlashAttribute("notice", "Signatures saved.");
        } catch (Refused e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/replies/saved#signatures";
    }

    private static String reason(Exception e) {
        return e instanceof ResponseStatusException status ? status.getReason() : e.getMessage();
    }
}
