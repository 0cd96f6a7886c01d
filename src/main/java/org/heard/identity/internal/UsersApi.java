package org.heard.identity.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.heard.identity.Role;
import org.heard.identity.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admins add people and disable them through the API. */
@RestController
@Tag(name = "Users")
class UsersApi {

    private final UserAccounts accounts;

    UsersApi(UserAccounts accounts) {
        this.accounts = accounts;
    }

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

    record NewUserRequest(String email, String name, String password, Role role) {}

    record UserView(long id, String email, String name, Role role, boolean enabled, Instant createdAt) {
        static UserView of(User user) {
            return new UserView(
                    user.id(), user.email(), user.displayName(), user.role(), user.enabled(), user.createdAt());
        }
    }
}
