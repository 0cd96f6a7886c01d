package org.heard.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.heard.identity.Role;
import org.heard.identity.SignedInUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admins add people, change their roles and disable them through the API; everyone changes their own name, signature and
 * password.
 */
@RestController
@Tag(name = "Users")
class UsersApi {

    private final UserAccounts accounts;
    private final Invitations invitations;

    UsersApi(UserAccounts accounts, Invitations invitations) {
        this.accounts = accounts;
        this.invitations = invitations;
    }

    @PostMapping("/api/admin/users/{id}/invitation")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "A link for the person to choose their password (first sign-in or forgotten password);"
                    + " it works once, for 7 days, and replaces any earlier link")
    InvitationView invite(@PathVariable long id, @AuthenticationPrincipal SignedInUser me) {
        var issued = invitations.invite(id, me.id());
        return new InvitationView(UsersAdmin.link(issued.token()), issued.expiresAt());
    }

    record InvitationView(String link, Instant expiresAt) {}

    @GetMapping("/api/admin/users")
    List<UserView> list() {
        return accounts.all().stream().map(UserView::of).toList();
    }

    @PostMapping("/api/admin/users")
    @ResponseStatus(HttpStatus.CREATED)
    UserView create(@RequestBody NewUserRequest request) {
        return UserView.of(
                accounts.create(new NewUser(request.email(), request.name(), request.password(), request.role())));
    }

    @PostMapping("/api/admin/users/{id}/disable")
    UserView disableViaApi(@PathVariable long id, @AuthenticationPrincipal SignedInUser me) {
        return UserView.of(accounts.disable(id, me.id()));
    }

    @PutMapping("/api/admin/users/{id}/role")
    UserView changeRole(@PathVariable long id, @RequestBody RoleRequest request) {
        return UserView.of(accounts.changeRole(id, request.role()));
    }

    @GetMapping("/api/me")
    UserView me(@AuthenticationPrincipal SignedInUser me) {
        return UserView.of(accounts.byId(me.id()).orElseThrow(() -> new UserNotFound(me.id())));
    }

    @PutMapping("/api/me")
    UserView rename(@RequestBody RenameRequest request, @AuthenticationPrincipal SignedInUser me) {
        return UserView.of(accounts.rename(me.id(), request.name()));
    }

    @PutMapping("/api/me/signature")
    @Operation(
            summary = "How your replies are signed where the team signs with a name (initials are taken from it);"
                    + " an empty signsAs signs with your name")
    UserView signAs(@RequestBody SignatureRequest request, @AuthenticationPrincipal SignedInUser me) {
        return UserView.of(accounts.signAs(me.id(), request.signsAs()));
    }

    @PostMapping("/api/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@RequestBody PasswordRequest request, @AuthenticationPrincipal SignedInUser me) {
        accounts.changePassword(me.id(), request.current(), request.password());
    }

    record NewUserRequest(String email, String name, String password, Role role) {}

    record RoleRequest(Role role) {}

    record RenameRequest(String name) {}

    record PasswordRequest(String current, String password) {}

    record SignatureRequest(String signsAs) {}

    record UserView(
            long id,
            String email,
            String name,
            @Nullable String signsAs,
            Role role,
            boolean enabled,
            Instant createdAt) {
        static UserView of(User user) {
            return new UserView(
                    user.id(),
                    user.email(),
                    user.displayName(),
                    user.signsAs(),
                    user.role(),
                    user.enabled(),
                    user.createdAt());
        }
    }
}
