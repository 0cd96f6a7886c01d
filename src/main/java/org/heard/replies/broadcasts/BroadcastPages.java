package org.heard.replies.broadcasts;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.heard.channels.Channels;
import org.heard.identity.Colleague;
import org.heard.identity.Colleagues;
import org.heard.identity.SignedInUser;
import org.heard.platform.Refused;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The broadcast pages: their history, a new one with who it would reach, and each one's live progress. Supervisors
 * and admins start broadcasts, since one speaks for the brand to many customers at once.
 */
@Controller
@PreAuthorize("hasRole('SUPERVISOR')")
class BroadcastPages {

    static final int PAGE = 50;

    private final Broadcasts broadcasts;
    private final Colleagues colleagues;
    private final Channels channels;

    BroadcastPages(Broadcasts broadcasts, Colleagues colleagues, Channels channels) {
        this.broadcasts = broadcasts;
        this.colleagues = colleagues;
        this.channels = channels;
    }

    @GetMapping("/replies/broadcasts")
    String list(Model model) {
        model.addAttribute("history", broadcasts.history(50));
        model.addAttribute("names", names());
        return "replies/broadcasts";
    }

    @GetMapping("/replies/broadcasts/rows")
    String rows(Model model) {
        list(model);
        return "replies/broadcasts :: rows";
    }

    @GetMapping("/replies/broadcasts/new")
    String draw(BroadcastForm form, Model model) {
        return drawn(form.withNewKey(), null, model);
    }

    @GetMapping("/replies/broadcasts/preview")
    String preview(BroadcastForm form, Model model) {
        previewInto(form, model);
        return "replies/broadcast-new :: preview";
    }

    @PostMapping("/replies/broadcasts")
    ModelAndView start(
            BroadcastForm form,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
            @AuthenticationPrincipal SignedInUser me,
            Model model,
            HttpServletResponse response) {
        try {
            var started = broadcasts.start(form.draft(), me.id());
            var to = "/replies/broadcasts/" + started.progress().broadcast().id();
            if (htmx != null) {
                response.setHeader("HX-Redirect", to);
                return new ModelAndView("replies/broadcast-new :: started");
            }
            var redirect = new RedirectView(to);
            redirect.setStatusCode(HttpStatus.SEE_OTHER);
            return new ModelAndView(redirect);
        } catch (Refused e) {
            if (htmx != null) {
                model.addAttribute("problem", e.getMessage());
                return new ModelAndView("replies/broadcast-new :: problem");
            }
            // The same key again: a second try that does go through still starts one broadcast only.
            return new ModelAndView(drawn(form, e.getMessage(), model));
        }
    }

    @GetMapping("/replies/broadcasts/{id}")
    String show(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        progressInto(id, state, page, model);
        model.addAttribute("names", names());
        return "replies/broadcast";
    }

    @GetMapping("/replies/broadcasts/{id}/progress")
    String progress(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        progressInto(id, state, page, model);
        return "replies/broadcast :: progress";
    }

    @PostMapping("/replies/broadcasts/{id}/cancel")
    RedirectView cancel(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        try {
            var progress = broadcasts.cancel(id, me.id(), me.name());
            redirect.addFlashAttribute(
                    "notice",
                    "Cancelled. " + progress.count(RecipientState.CANCELLED)
                            + " recipients will not get it; replies already sent stay sent.");
        } catch (Refused e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        var view = new RedirectView("/replies/broadcasts/" + id);
        view.setStatusCode(HttpStatus.SEE_OTHER);
        return view;
    }

    private String drawn(BroadcastForm form, @Nullable String problem, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("problem", problem);
        model.addAttribute("channels", new TreeSet<>(channels.names()));
        previewInto(form, model);
        return "replies/broadcast-new";
    }

    private void previewInto(BroadcastForm form, Model model) {
        try {
            model.addAttribute("preview", broadcasts.preview(form.audience().criteria(), form.text()));
        } catch (Refused e) {
            model.addAttribute("previewProblem", e.getMessage());
        }
        model.addAttribute("chosen", form.chosen());
    }

    private void progressInto(long id, @Nullable String state, int page, Model model) {
        var filter = BroadcastsApi.state(state);
        var progress = broadcasts.progress(id);
        int shown = filter == null ? progress.total() : progress.count(filter);
        int pages = Math.max(1, (shown + PAGE - 1) / PAGE);
        int current = Math.clamp(page, 1, pages);
        model.addAttribute("p", progress);
        model.addAttribute("filter", filter);
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("states", List.of(RecipientState.values()));
        model.addAttribute("recipients", broadcasts.recipients(id, filter, (current - 1) * PAGE, PAGE));
    }

    private Map<Long, String> names() {
        return colleagues.active().stream().collect(Collectors.toMap(Colleague::id, Colleague::name, (a, b) -> a));
    }
}
