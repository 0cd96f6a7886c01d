package org.heard.identity.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import org.heard.identity.Role;
import org.heard.identity.SignedInUser;
import org.heard.platform.Refused;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Admins add people and disable them on the People page; {@link UsersApi} does the same for programs. */
@Controller
class UsersAdmin {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserAccounts accounts;
    private final Invitations invitations;

    UsersAdmin(UserAccounts accounts, Invitations invitations) {
        this.accounts = accounts;
        this.invitations = invitations;
    }

    @GetMapping("/admin/users")
    String page(Model model) {
        model.addAttribute(
                "users", accounts.all().stream().map(UsersApi.UserView::of).toList());
        model.addAttribute("roles", Role.values());
        return "identity/users";
    }

    /** With a password, the person can sign in at once; without one, they get a link to choose their own. */
    @PostMapping("/admin/users")
    String add(
            @RequestParam String email,
            @RequestParam String name,
            @RequestParam(defaultValue = "") String password,
            @RequestParam Role role,
            @AuthenticationPrincipal SignedInUser me,
            RedirectAttributes redirect) {
        try {
            var invite = password.isEmpty();
            var user = accounts.create(new NewUser(email, name, invite ? unguessable() : password, role));
            if (invite) {
                invitation(user, me, redirect);
            } else {
                redirect.addFlashAttribute("notice", user.displayName() + " can now sign in as " + user.email() + ".");
            }
        } catch (Refused e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/admin/users";
    }

    /** A new link for someone to choose their password: for a first sign-in, or a forgotten password. */
    @PostMapping("/admin/users/{id}/invitation")
    String invite(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        invitation(accounts.byId(id).orElseThrow(() -> new UserNotFound(id)), me, redirect);
        return "redirect:/admin/users";
    }

    private void invitation(User user, SignedInUser me, RedirectAttributes redirect) {
        var issued = invitations.invite(user.id(), me.id());
        redirect.addFlashAttribute("invited", user.displayName());
        redirect.addFlashAttribute("invitationLink", link(issued.token()));
        redirect.addFlashAttribute("invitationDays", Invitations.LIFETIME.toDays());
    }

    static String link(String token) {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/p/invite/{token}")
                .buildAndExpand(token)
                .toUriString();
    }

    /** A password nobody knows, for someone who will choose their own through an invitation. */
    private static String unguessable() {
        var bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @PostMapping("/admin/users/{id}/disable")
    String disable(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        try {
            var user = accounts.disable(id, me.id());
            redirect.addFlashAttribute("notice", user.displayName() + " can no longer sign in.");
        } catch (Refused e) {
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
        } catch (Refused e) {
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
