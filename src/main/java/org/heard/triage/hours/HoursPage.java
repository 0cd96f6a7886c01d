package org.heard.triage.hours;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.heard.platform.Refused;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The supervisors' page for hours, service levels and keeping customers informed. Each form saves one
 * part and comes back with what changed, or with what to fix.
 */
@Controller
@PreAuthorize("hasRole('SUPERVISOR')")
class HoursPage {

    private final Calendars calendars;
    private final ServiceLevelPolicies policies;
    private final AwayTexts awayTexts;
    private final WaitUpdateThresholds waitUpdates;
    private final ResponseTimes responseTimes;

    HoursPage(
            Calendars calendars,
            ServiceLevelPolicies policies,
            AwayTexts awayTexts,
            WaitUpdateThresholds waitUpdates,
            ResponseTimes responseTimes) {
        this.calendars = calendars;
        this.policies = policies;
        this.awayTexts = awayTexts;
        this.waitUpdates = waitUpdates;
        this.responseTimes = responseTimes;
    }

    @GetMapping("/triage/hours")
    String page(Model model) {
        var team = HoursForm.of(calendars.settings(null).orElseThrow());
        model.addAttribute("active", "triage");
        model.addAttribute("team", team);
        model.addAttribute("days", DayOfWeek.values());
        model.addAttribute("special", specialLines(team));
        model.addAttribute(
                "policies",
                policies.all().stream().map(ServiceLevelsApi.PolicyView::of).toList());
        model.addAttribute("away", awayTexts.texts());
        model.addAttribute(
                "waitUpdates",
                waitUpdates.all().stream().map(HoursApi.WaitUpdateForm::of).toList());
        model.addAttribute("figure", responseTimes.current());
        return "triage/hours";
    }

    @PostMapping("/triage/hours/team")
    String team(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return saved(redirect, "The team's hours are saved.", () -> {
            var weekly = new LinkedHashMap<String, List<String>>();
            for (var day : DayOfWeek.values()) {
                var text = form.getOrDefault("day-" + day.name(), "");
                weekly.put(day.name(), text.isBlank() ? List.of() : List.of(text.split("\\s*,\\s*")));
            }
            calendars.save(
                    null, new HoursForm(form.get("zone"), weekly, HoursForm.lines(form.get("special"))).settings());
            responseTimes.refresh();
        });
    }

    @PostMapping("/triage/hours/policies")
    String addPolicy(PolicyForm form, RedirectAttributes redirect) {
        return saved(redirect, "Policy \"" + form.name() + "\" added.", () -> policies.add(form.policy(0)));
    }

    @PostMapping("/triage/hours/policies/{id}")
    String changePolicy(@PathVariable long id, PolicyForm form, RedirectAttributes redirect) {
        return saved(redirect, "Policy \"" + form.name() + "\" saved.", () -> policies.change(id, form.policy(id)));
    }

    @PostMapping("/triage/hours/policies/{id}/remove")
    String removePolicy(@PathVariable long id, RedirectAttributes redirect) {
        return saved(redirect, "Policy removed.", () -> policies.remove(id));
    }

    @PostMapping("/triage/hours/away-replies")
    String away(HoursApi.AwayForm form, RedirectAttributes redirect) {
        return saved(
                redirect,
                "Away replies saved.",
                () -> awayTexts.save(new AwayTexts.Texts(form.publicText(), form.privateText())));
    }

    @PostMapping("/triage/hours/wait-updates")
    String waitUpdates(
            @RequestParam(defaultValue = "") List<String> after,
            @RequestParam(defaultValue = "") List<String> publicText,
            @RequestParam(defaultValue = "") List<String> privateText,
            RedirectAttributes redirect) {
        return saved(redirect, "While-you-wait updates saved.", () -> {
            var updates = new ArrayList<WaitUpdateThresholds.WaitUpdate>();
            for (int i = 0; i < after.size(); i++) {
                if (!after.get(i).isBlank()) {
                    updates.add(
                            new HoursApi.WaitUpdateForm(after.get(i), at(publicText, i), at(privateText, i)).update());
                }
            }
            waitUpdates.replace(updates);
        });
    }

    private static String at(List<String> values, int i) {
        return i < values.size() ? values.get(i) : "";
    }

    private static String specialLines(HoursForm team) {
        var lines = new StringBuilder();
        for (var day : team.days()) {
            lines.append(day.date()).append(' ').append(String.join(", ", day.hours()));
            lines.append(day.hours().isEmpty() ? "" : " ").append(day.name()).append('\n');
        }
        return lines.toString().replace("  ", " ");
    }

    private static String saved(RedirectAttributes redirect, String notice, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (Refused e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/triage/hours";
    }
}
