package org.heard.triage.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.heard.identity.Colleague;
import org.heard.identity.Colleagues;
import org.heard.identity.SignedInUser;
import org.heard.platform.Refused;
import org.heard.triage.fairness.Fairness;
import org.heard.triage.fairness.FairnessReport;
import org.heard.triage.routing.Agent;
import org.heard.triage.routing.Agents;
import org.heard.triage.routing.Queue;
import org.heard.triage.routing.Queues;
import org.heard.triage.routing.Routing;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The triage pages: queues and agents, the fairness report, and taking the next conversation. */
@Controller
class TriagePages {

    private final Queues queues;
    private final Agents agents;
    private final Routing routing;
    private final Colleagues colleagues;
    private final FairnessReport fairness;

    TriagePages(Queues queues, Agents agents, Routing routing, Colleagues colleagues, FairnessReport fairness) {
        this.queues = queues;
        this.agents = agents;
        this.routing = routing;
        this.colleagues = colleagues;
        this.fairness = fairness;
    }

    @GetMapping("/triage")
    String triage(Model model) {
        var people = colleagues.active();
        model.addAttribute("queues", queues.reload());
        model.addAttribute("people", people);
        model.addAttribute(
                "agents", people.stream().collect(Collectors.toMap(Colleague::id, c -> agents.find(c.id()))));
        model.addAttribute("names", people.stream().collect(Collectors.toMap(Colleague::id, Colleague::name)));
        return "triage/triage";
    }

    @PostMapping("/triage/queues")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String saveQueue(
            @RequestParam String key,
            @RequestParam String name,
            @RequestParam(defaultValue = "") String languages,
            @RequestParam(defaultValue = "PUSH") Queue.Mode mode,
            @RequestParam(defaultValue = "0") int position,
            @RequestParam(required = false) @Nullable List<Long> members,
            RedirectAttributes redirect) {
        return done(redirect, "/triage", () -> {
            var queue = queues.save(new Queue(
                    key.strip(),
                    name.strip(),
                    words(languages),
                    mode,
                    position,
                    members == null ? List.of() : members));
            return "Saved the " + queue.name() + " queue.";
        });
    }

    @PostMapping("/triage/queues/{key}/delete")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String deleteQueue(@PathVariable String key, RedirectAttributes redirect) {
        return done(redirect, "/triage", () -> {
            queues.delete(key);
            return "Deleted the queue " + key + ".";
        });
    }

    @PostMapping("/triage/agents/{userId}")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String saveAgent(
            @PathVariable long userId,
            @RequestParam int capacity,
            @RequestParam(defaultValue = "") String skills,
            RedirectAttributes redirect) {
        return done(redirect, "/triage", () -> {
            agents.save(new Agent(
                    userId, capacity, words(skills), agents.find(userId).presence()));
            return "Saved skills and capacity.";
        });
    }

    @PostMapping("/triage/presence")
    String presence(
            @RequestParam Agent.Presence presence,
            @RequestHeader(value = HttpHeaders.REFERER, required = false) @Nullable String referer,
            @AuthenticationPrincipal SignedInUser me) {
        routing.presenceChanged(me.id(), presence);
        return "redirect:" + samePage(referer);
    }

    /** Back to the page the agent was on: only its path, so the redirect never leaves Heard. */
    private static String samePage(@Nullable String referer) {
        try {
            var uri = referer == null ? null : java.net.URI.create(referer);
            var path = uri == null ? null : uri.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//")) {
                return "/inbox";
            }
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return "/inbox";
        }
    }

    @PostMapping("/inbox/next")
    String next(@AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        var taken = routing.takeNext(me.id());
        if (taken.isEmpty()) {
            redirect.addFlashAttribute("notice", "No unassigned conversation is waiting in your queues.");
            return "redirect:/inbox";
        }
        return "redirect:/inbox/" + taken.get() + "?assignee=mine";
    }

    @GetMapping("/triage/fairness")
    String fairness(
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            Model model) {
        var end = to == null ? LocalDate.now(ZoneOffset.UTC).plusDays(1) : to;
        var start = from == null ? end.minusDays(30) : from;
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("report", report(start, end));
        return "triage/fairness";
    }

    private Fairness report(LocalDate from, LocalDate to) {
        return fairness.between(
                from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static String done(RedirectAttributes redirect, String back, java.util.function.Supplier<String> action) {
        try {
            redirect.addFlashAttribute("notice", action.get());
        } catch (Refused e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:" + back;
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.split("[,\\s]+")).filter(w -> !w.isBlank()).toList();
    }
}
