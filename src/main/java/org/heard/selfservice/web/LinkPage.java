package org.heard.selfservice.web;

import jakarta.servlet.http.HttpServletResponse;
import org.heard.selfservice.internal.LinkFlow;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page behind a one-time link, for a customer who never signs in to Heard: connect an account, then the answer
 * arrives privately on their network. A link used, expired or worn out answers 410 Gone, and says what to do.
 */
@Controller
class LinkPage {

    private final LinkFlow flow;
    private final String brandName;
    private final String brandLogo;

    LinkPage(
            LinkFlow flow,
            @Value("${heard.brand.name:}") String brandName,
            @Value("${heard.brand.logo-url:}") String brandLogo) {
        this.flow = flow;
        this.brandName = brandName.strip();
        this.brandLogo = brandLogo.strip();
    }

    @GetMapping("/p/link/{token}")
    String open(@PathVariable String token, Model model, HttpServletResponse response) {
        return show(token, flow.open(token), model, response);
    }

    @PostMapping("/p/link/{token}")
    String connect(
            @PathVariable String token,
            @RequestParam(required = false) @Nullable String account,
            @RequestParam(required = false) @Nullable String secret,
            Model model,
            HttpServletResponse response) {
        return show(token, flow.connect(token, account, secret), model, response);
    }

    private String show(String token, LinkFlow.Outcome outcome, Model model, HttpServletResponse response) {
        // Nobody else should keep or pass on a page about someone's account.
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (outcome instanceof LinkFlow.Gone) {
            response.setStatus(HttpStatus.GONE.value());
        }
        // The customer knows the brand, not Heard: the page speaks in the brand's name where one is configured.
        model.addAttribute("customerPage", true);
        model.addAttribute("brandName", brandName);
        model.addAttribute("brandLogo", brandLogo);
        model.addAttribute("token", token);
        model.addAttribute("outcome", outcome);
        model.addAttribute("state", outcome.getClass().getSimpleName());
        return "selfservice/link";
    }
}
