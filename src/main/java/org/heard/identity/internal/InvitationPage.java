package org.heard.identity.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.heard.platform.Refused;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Where an invited colleague chooses their password, from the link an admin sent them. */
@Controller
class InvitationPage {

    private final Invitations invitations;

    InvitationPage(Invitations invitations) {
        this.invitations = invitations;
    }

    @GetMapping("/p/invite/{token}")
    String page(@PathVariable String token, Model model, HttpServletResponse response) {
        noStore(response);
        var invited = invitations.open(token);
        if (invited.isEmpty()) {
            return gone(response);
        }
        model.addAttribute("invited", invited.get());
        model.addAttribute("token", token);
        return "identity/invitation";
    }

    @PostMapping("/p/invite/{token}")
    String choose(
            @PathVariable String token,
            @RequestParam String chosen,
            @RequestParam String repeated,
            Model model,
            HttpServletResponse response) {
        noStore(response);
        var invited = invitations.open(token);
        if (invited.isEmpty()) {
            return gone(response);
        }
        model.addAttribute("invited", invited.get());
        model.addAttribute("token", token);
        try {
            if (!chosen.equals(repeated)) {
                throw new Refused("The password and its repetition differ; type it twice alike.");
            }
            if (invitations.accept(token, chosen).isEmpty()) {
                model.asMap().remove("invited");
                return gone(response);
            }
            model.addAttribute("done", true);
        } catch (Refused e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("problem", e.getMessage());
        }
        return "identity/invitation";
    }

    private static String gone(HttpServletResponse response) {
        response.setStatus(HttpStatus.GONE.value());
        return "identity/invitation";
    }

    /** A page about someone's sign-in is kept by no cache and passed on to no other site. */
    private static void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
    }
}
