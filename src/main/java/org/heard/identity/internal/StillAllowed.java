package org.heard.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.heard.identity.SignedInUser;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A signed-in page session is checked against the user as they are now, on every request: someone
 * disabled is signed out at once (an open inbox keeps its session alive), and a changed role or name applies
 * without signing in again.
 */
class StillAllowed extends OncePerRequestFilter {

    private final UserAccounts accounts;

    StillAllowed(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var context = SecurityContextHolder.getContext();
        var authentication = context.getAuthentication();
        if (authentication instanceof UsernamePasswordAuthenticationToken
                && authentication.getPrincipal() instanceof SignedInUser signedIn) {
            var current = accounts.byId(signedIn.id()).filter(User::enabled);
            if (current.isEmpty()) {
                SecurityContextHolder.clearContext();
                var session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            } else if (current.get().role() != signedIn.role()
                    || !current.get().displayName().equals(signedIn.name())) {
                var fresh = current.get().signedIn();
                fresh.eraseCredentials();
                context.setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities()));
            }
        }
        chain.doFilter(request, response);
    }
}
