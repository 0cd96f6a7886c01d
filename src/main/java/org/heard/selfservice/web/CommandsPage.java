package org.heard.selfservice.web;

import java.util.function.Function;
import java.util.stream.Collectors;
import org.heard.platform.Refused;
import org.heard.selfservice.internal.AccountSystem;
import org.heard.selfservice.internal.Command;
import org.heard.selfservice.internal.CommandKind;
import org.heard.selfservice.internal.Commands;
import org.heard.selfservice.internal.Figures;
import org.heard.triage.Escalations;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The hashtag commands and how each is used, as supervisors set them and the team reads them. */
@Controller
class CommandsPage {

    private final Commands commands;
    private final Figures figures;
    private final Escalations escalations;
    private final AccountSystem lookup;

    CommandsPage(Commands commands, Figures figures, Escalations escalations, AccountSystem lookup) {
        this.commands = commands;
        this.figures = figures;
        this.escalations = escalations;
        this.lookup = lookup;
    }

    @GetMapping("/selfservice")
    String page(Model model) {
        model.addAttribute("commands", commands.all());
        model.addAttribute(
                "figures",
                figures.all().stream().collect(Collectors.toMap(Figures.CommandFigures::tag, Function.identity())));
        model.addAttribute("unknown", Figures.UNKNOWN);
        model.addAttribute("kinds", CommandKind.values());
        model.addAttribute("queues", escalations.queues());
        model.addAttribute("lookup", lookup.description());
        model.addAttribute("maxAnswer", Command.MAX_ANSWER);
        return "selfservice/commands";
    }

    @PostMapping("/selfservice/commands")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String save(
            @RequestParam String tag,
            @RequestParam CommandKind kind,
            @RequestParam String answer,
            @RequestParam(required = false) @Nullable String queue,
            @RequestParam(required = false) @Nullable Integer priority,
            @RequestParam(defaultValue = "false") boolean enabled,
            RedirectAttributes redirect) {
        try {
            var saved = commands.save(new Command(tag, kind, answer, queue, priority, enabled));
            redirect.addFlashAttribute(
                    "notice",
                    "Saved " + saved.hashtag() + (saved.enabled() ? "; it answers the next post." : ", off."));
        } catch (Refused e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/selfservice";
    }

    @PostMapping("/selfservice/commands/delete")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String delete(@RequestParam String tag, RedirectAttributes redirect) {
        commands.remove(Command.normalTag(tag));
        redirect.addFlashAttribute("notice", "Removed #" + Command.normalTag(tag) + "; its figures stay.");
        return "redirect:/selfservice";
    }
}
