package org.heard.replies.approvals;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.TreeSet;
import org.heard.channels.Channels;
import org.heard.identity.Colleagues;
import org.heard.identity.Role;
import org.heard.identity.SignedInUser;
import org.heard.platform.Refused;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The supervisors' page for approval rules: the rules in order and an editor. Everyone may read it. */
@Controller
class ApprovalRulesPage {

    private static final String SUPERVISOR = "hasRole('SUPERVISOR')";

    private final ApprovalRules rules;
    private final ApprovalCards cards;
    private final Colleagues colleagues;
    private final Channels channels;

    ApprovalRulesPage(ApprovalRules rules, ApprovalCards cards, Colleagues colleagues, Channels channels) {
        this.rules = rules;
        this.cards = cards;
        this.colleagues = colleagues;
        this.channels = channels;
    }

    @ModelAttribute("active")
    String active() {
        return "approvals";
    }

    @GetMapping("/replies/approval-rules")
    String page(
            @RequestParam(required = false) @Nullable Long edit,
            @AuthenticationPrincipal SignedInUser me,
            Model model) {
        var form = edit == null
                ? ApprovalRuleForm.blank()
                : ApprovalRuleForm.of(
                        rules.find(edit).orElseThrow(() -> new Refused("There is no approval rule " + edit + ".")));
        return page(form, me, model);
    }

    @PostMapping("/replies/approval-rules/save")
    @PreAuthorize(SUPERVISOR)
    String save(
            @ModelAttribute ApprovalRuleForm form,
            @AuthenticationPrincipal SignedInUser me,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            var draft = form.draft();
            var rule = form.id() == null ? rules.add(draft) : rules.change(form.id(), draft);
            redirect.addFlashAttribute("notice", "Saved “" + rule.name() + "”; it applies to the next reply.");
            return "redirect:/replies/approval-rules";
        } catch (Refused e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", e.getMessage());
            return page(form, me, model);
        }
    }

    @PostMapping("/replies/approval-rules/{id}/move")
    @PreAuthorize(SUPERVISOR)
    String move(@PathVariable long id, @RequestParam int step) {
        rules.move(id, step);
        return "redirect:/replies/approval-rules";
    }

    @PostMapping("/replies/approval-rules/{id}/enabled")
    @PreAuthorize(SUPERVISOR)
    String enable(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        var rule = rules.find(id).orElseThrow(() -> new Refused("There is no approval rule " + id + "."));
        rules.change(id, new ApprovalRuleDraft(rule.name(), enabled, rule.conditions(), rule.steps()));
        redirect.addFlashAttribute("notice", "“" + rule.name() + "” is " + (enabled ? "on." : "off."));
        return "redirect:/replies/approval-rules";
    }

    @PostMapping("/replies/approval-rules/{id}/delete")
    @PreAuthorize(SUPERVISOR)
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        rules.delete(id);
        redirect.addFlashAttribute("notice", "Deleted the rule; replies already waiting still wait for their steps.");
        return "redirect:/replies/approval-rules";
    }

    private String page(ApprovalRuleForm form, SignedInUser me, Model model) {
        var names = cards.names();
        model.addAttribute("rules", rules.all());
        model.addAttribute("names", names);
        model.addAttribute("form", form);
        model.addAttribute("canEdit", me.role() != Role.AGENT);
        model.addAttribute("colleagues", colleagues.active());
        model.addAttribute("networks", List.copyOf(new TreeSet<>(channels.names())));
        return "replies/approval-rules";
    }
}
