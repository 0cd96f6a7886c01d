package org.heard.triage.web;

import org.heard.platform.Refused;
import org.heard.triage.analysis.BrandTermCatalogue;
import org.heard.triage.analysis.CareSignals;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The company's own words, as supervisors teach them to the analyser. */
@Controller
class BrandTermsPage {

    private final BrandTermCatalogue catalogue;

    BrandTermsPage(BrandTermCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/triage/terms")
    String page(Model model) {
        model.addAttribute("terms", catalogue.all());
        model.addAttribute("signals", CareSignals.keys());
        return "triage/terms";
    }

    @PostMapping("/triage/terms")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String put(
            @RequestParam String term,
            @RequestParam double valence,
            @RequestParam(required = false) @Nullable String signal,
            RedirectAttributes redirect) {
        try {
            var saved = catalogue.put(term, valence, signal == null || signal.isBlank() ? null : signal);
            redirect.addFlashAttribute("notice", "Heard now reads \"" + saved.term() + "\" your way.");
        } catch (Refused e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/triage/terms";
    }

    @PostMapping("/triage/terms/delete")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String delete(@RequestParam String term, RedirectAttributes redirect) {
        catalogue.remove(term);
        redirect.addFlashAttribute("notice", "Forgot \"" + term + "\".");
        return "redirect:/triage/terms";
    }
}
