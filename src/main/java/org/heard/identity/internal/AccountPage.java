package org.heard.identity.internal;

import org.heard.identity.SignedInUser;
import org.heard.platform.Refused;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Everyone's own account: the name customers and colleagues see, how their replies are signed, and the password. */
@Controller
class AccountPage {

    private final UserAccounts accounts;

    AccountPage(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/account")
    String page(@AuthenticationPrincipal SignedInUser me, Model model) {
        model.addAttribute(
                "account", UsersApi.UserView.of(accounts.byId(me.id()).orElseThrow(() -> new UserNotFound(me.id()))));
        return "identity/account";
    }

    @PostMapping("/account/name")
    String rename(@RequestParam String name, @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        try {
            var user = accounts.rename(me.id(), name);
            redirect.addFlashAttribute(
                    "notice", "Your name is now " + user.displayName() + ", in replies and in colleagues' inboxes.");
        } catch (Refused e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/account";
    }

    @PostMapping("/account/signature")
    String signAs(
            @RequestParam(required = false) String signsAs,
            @AuthenticationPrincipal SignedInUser me,
            RedirectAttributes redirect) {
        try {
            var user = accounts.signAs(me.id(), signsAs);
            redirect.addFlashAttribute(
                    "notice",
                    user.signsAs() == null
                            ? "Your replies are signed with your name, " + user.displayName() + "."
                            : "Your replies are signed \"" + user.signsAs() + "\" where your team signs with a name.");
        } catch (Refused e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/account";
    }

    @PostMapping("/account/password")
    String password(
            @RequestParam String current,
            @RequestParam String chosen,
            @RequestParam String repeated,
            @AuthenticationPrincipal SignedInUser me,
            RedirectAttributes redirect) {
        try {
            if (!chosen.equals(repeated)) {
                throw new Refused("The new password and its repetition differ; type it twice alike.");
            }
            accounts.changePassword(me.id(), current, chosen);
            redirect.addFlashAttribute("notice", "Your password is changed; use it the next time you sign in.");
        } catch (Refused e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/account";
    }
}
