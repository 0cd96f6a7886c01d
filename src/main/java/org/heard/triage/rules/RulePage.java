package org.heard.triage.rules;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.heard.channels.Channels;
import org.heard.channels.Visibility;
import org.heard.identity.Colleague;
import org.heard.identity.Colleagues;
import org.heard.identity.Role;
import org.heard.identity.SignedInUser;
import org.heard.platform.Refused;
import org.heard.triage.Sentiment;
import org.heard.triage.Urgency;
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

/**
 * The supervisors' page for triage rules: the rules in order, an editor that tries a rule on a sample
 * message while it is written, and the audit trail. Everyone signed in may read it; supervisors edit.
 */
@Controller
class RulePage {

    private static final String SUPERVISOR = "hasRole('SUPERVISOR')";
    private static final List<String> NETWORKS = List.of(
            "x",
            "facebook",
            "instagram",
            "threads",
            "whatsapp",
            "telegram",
            "mastodon",
            "bluesky",
            "email",
            "webchat",
            "sandbox");

    private final Rules rules;
    private final RuleEditing editing;
    private final RuleTrial trial;
    private final RuleAudit audit;
    private final Colleagues colleagues;
    private final Channels channels;

    RulePage(
            Rules rules,
            RuleEditing editing,
            RuleTrial trial,
            RuleAudit audit,
            Colleagues colleagues,
            Channels channels) {
        this.rules = rules;
        this.editing = editing;
        this.trial = trial;
        this.audit = audit;
        this.colleagues = colleagues;
        this.channels = channels;
    }

    @ModelAttribute("active")
    String active() {
        return "triage";
    }

    @GetMapping("/triage/rules")
    String page(
            @RequestParam(required = false) @Nullable Long edit,
            Model model,
            @AuthenticationPrincipal SignedInUser me) {
        var form = edit == null
                ? RuleForm.blank()
                : RuleForm.of(rules.find(edit).orElseThrow(() -> new RuleNotFound(edit)));
        return page(form, model, me);
    }

    @PostMapping("/triage/rules/save")
    @PreAuthorize(SUPERVISOR)
    String save(
            @ModelAttribute RuleForm form,
            @AuthenticationPrincipal SignedInUser me,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            var draft = form.draft();
            var rule = form.id() == null
                    ? editing.create(draft, me.asColleague())
                    : editing.change(form.id(), draft, me.asColleague());
            redirect.addFlashAttribute("notice", "Saved “" + rule.name() + "”; it applies to the next message.");
            return "redirect:/triage/rules";
        } catch (Refused e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", e.getMessage());
            return page(form, model, me);
        }
    }

    @PostMapping("/triage/rules/{id}/move")
    @PreAuthorize(SUPERVISOR)
    String move(@PathVariable long id, @RequestParam int step, @AuthenticationPrincipal SignedInUser me) {
        editing.move(id, Integer.signum(step), me.asColleague());
        return "redirect:/triage/rules";
    }

    @PostMapping("/triage/rules/{id}/enabled")
    @PreAuthorize(SUPERVISOR)
    String enable(
            @PathVariable long id,
            @RequestParam boolean enabled,
            @AuthenticationPrincipal SignedInUser me,
            RedirectAttributes redirect) {
        var rule = editing.enable(id, enabled, me.asColleague());
        redirect.addFlashAttribute("notice", "“" + rule.name() + "” is " + (enabled ? "on." : "off."));
        return "redirect:/triage/rules";
    }

    @PostMapping("/triage/rules/{id}/delete")
    @PreAuthorize(SUPERVISOR)
    String delete(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        editing.delete(id, me.asColleague());
        redirect.addFlashAttribute("notice", "Deleted the rule; the audit trail below keeps how it read.");
        return "redirect:/triage/rules";
    }

    /** Answers the editor's live trial with the result panel alone. */
    @PostMapping("/triage/rules/trial")
    String trial(@ModelAttribute RuleForm form, Model model) {
        try {
            model.addAttribute("trial", trial.run(form.draft(), form.sample()));
            model.addAttribute("sampleText", form.sample().text());
        } catch (Refused e) {
            model.addAttribute("trialProblem", e.getMessage());
        }
        model.addAttribute("queueNames", rules.queues());
        return "triage/rules :: trial";
    }

    private String page(RuleForm form, Model model, SignedInUser me) {
        var queues = rules.queues();
        var people = colleagues.active();
        Map<Long, String> names = people.stream().collect(Collectors.toMap(Colleague::id, Colleague::name));
        model.addAttribute(
                "rules",
                rules.all().stream()
                        .map(rule -> RuleSummary.of(rule, queues, names))
                        .toList());
        model.addAttribute("form", form);
        model.addAttribute("canEdit", me.role() != Role.AGENT);
        model.addAttribute("queueNames", queues);
        model.addAttribute("colleagues", people);
        model.addAttribute("networks", networks());
        model.addAttribute("signals", RuleConditions.SIGNALS);
        model.addAttribute("sentiments", Sentiment.values());
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute("visibilities", Visibility.values());
        model.addAttribute("audit", audit.recent(30));
        return "triage/rules";
    }

    private List<String> networks() {
        var all = new TreeSet<>(NETWORKS);
        all.addAll(channels.names());
        return List.copyOf(all);
    }
}
