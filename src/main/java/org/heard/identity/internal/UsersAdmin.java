package org.heard.identity.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.heard.identity.Role;
import org.heard.identity.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins add people and disable them, in the UI and through the API. */
@Controller
@Tag(name = "Users")
class UsersAdmin {

    private final UserAccounts accounts;

    UsersAdmin(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/admin/users")
    String page(Model model) {
        model.addAttribute("users", accounts.all().stream().map(UserView::of).toList());
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

    @PostMapping("/admin/users/{id}/enable")
    String enable(@PathVariable long id, RedirectAttributes redirect) {
        var user = accounts.enable(id);
        redirect.addFlashAttribute("notice", user.displayName() + " can sign in again.");
        return "redirect:/admin/users";
    }

    @GetMapping("/api/admin/users")
    @ResponseBody
    List<UserView> list() {
        return accounts.all().stream().map(UserView::of).toList();
    }

    @PostMapping("/api/admin/users")
    @ResponseBody
    @ResponseStatus(HttpStatus.CREATED)
    UserView create(@RequestBody NewUserRequest request) {
        return UserView.of(
                accounts.create(new NewUser(request.email(), request.name(), request.password(), request.role())));
    }

    @PostMapping("/api/admin/users/{id}/disable")
    @ResponseBody
    UserView disableViaApi(@PathVariable long id, @AuthenticationPrincipal SignedInUser me) {
        return UserView.of(accounts.disable(id, me.id()));
    }

    record NewUserRequest(String email, String name, String password, Role role) {}

    record UserView(long id, String email, String name, Role role, boolean enabled, Instant createdAt) {
        static UserView of(User user) {
            return new UserView(
                    user.id(), user.email(), user.displayName(), user.role(), user.enabled(), user.createdAt());
        }
    }
}
