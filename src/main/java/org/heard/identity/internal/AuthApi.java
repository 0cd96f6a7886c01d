package org.heard.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.heard.identity.SignedInUser;
import org.heard.platform.Refused;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Machines sign in here: an email and password buy a bearer token for {@code /api/**}. */
@RestController
@Tag(name = "Sign-in")
class AuthApi {

    private final AuthenticationManager authentication;
    private final ApiTokens tokens;

    AuthApi(UserAccounts accounts, PasswordEncoder passwords, ApiTokens tokens) {
        var provider = new DaoAuthenticationProvider(accounts);
        provider.setPasswordEncoder(passwords);
        this.authentication = new ProviderManager(provider);
        this.tokens = tokens;
    }

    @PostMapping("/api/auth/token")
    @Operation(summary = "Exchange an email and password for an API token (send it as Authorization: Bearer)")
    TokenResponse token(@RequestBody Credentials credentials) {
        if (credentials == null || credentials.email() == null || credentials.password() == null) {
            throw new Refused("Send {\"email\": …, \"password\": …}.");
        }
        try {
            var result = authentication.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(credentials.email(), credentials.password()));
            var issued = tokens.issue((SignedInUser) result.getPrincipal());
            return new TokenResponse(issued.token(), issued.expiresAt());
        } catch (AuthenticationException e) {
            throw new ResponseStatusException(
                    HttpStatus.UNAUTHORIZED, "That email and password do not match an active user.");
        }
    }

    record Credentials(String email, String password) {}

    record TokenResponse(String token, Instant expiresAt) {}
}
