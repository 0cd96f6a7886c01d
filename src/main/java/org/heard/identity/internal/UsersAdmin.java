package org.heard.identity.internal;

import java.util.Locale;
import org.heard.identity.Role;
import org.heard.identity.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins add people and disable them on the People page; {@link UsersApi} does the same for programs. */
@Controller
class UsersAdmin {

    private final UserAccounts accounts;

    UsersAdmin(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/admin/users")
    String page(Model model) {
        model.addAttribute(
                "users", accounts.all().stream().map(UsersApi.UserView::of).toList());
        model.addAttribute("roles", Role.values());
        return "identity/users";
    }

    @PostMapping("/admin/users")
    String add(
            @RequestParam String email,
            @RequestParam String name,
            @RequestParam String password,
            @RequestParam Role role,
            RedirectAttributes redirect) {
        try {
            var user = accounts.create(new NewUser(email, name, password, role));
            redirect.addFlashAttribute("notice", user.displayName() + " can now sign in as " + user.email() + ".");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{id}/disable")
    String disable(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        try {
            var user = accounts.disable(id, me.id());
            redirect.addFlashAttribute("notice", user.displayName() + " can no longer sign in.");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{id}/role")
    String role(@PathVariable long id, @RequestParam Role role, RedirectAttributes redirect) {
        try {
            var user = accounts.changeRole(id, role);
            redirect.addFlashAttribute(
                    "notice",
                    user.displayName() + " is now "
                            + (role == Role.ADMIN
                                    ? "an admin"
                                    : "a" + " " + role.name().toLowerCase(Locale.ROOT))
                            + "; it applies from their next click.");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{id}/enable")
    String enable(@PathVariable long id, RedirectAttributes redirect) {
        var user = accounts.enable(id);
        redirect.addFlashAttribute("notice", user.displayName() + " can sign in again.");
        return "redirect:/admin/users";
    }
}
