package org.heard.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.heard.identity.SignedInUser;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;

/** An {@code Authorization: Bearer} header, before and after it is checked. */
final class BearerTokenAuthentication extends AbstractAuthenticationToken {

    private final String token;
    private final SignedInUser user;

    private BearerTokenAuthentication(String token, SignedInUser user) {
        super(user == null ? java.util.List.of() : user.getAuthorities());
        this.token = token;
        this.user = user;
        setAuthenticated(user != null);
    }

    static boolean present(HttpServletRequest request) {
        var header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return user;
    }

    /** Reads the header; requests without one pass on to other ways of signing in. */
    static AuthenticationConverter converter() {
        return request -> present(request)
                ? new BearerTokenAuthentication(
                        request.getHeader("Authorization").substring(7).trim(), null)
                : null;
    }

    static AuthenticationProvider provider(ApiTokens tokens) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                var token = (String) authentication.getCredentials();
                return tokens.resolve(token)
                        .map(user -> new BearerTokenAuthentication(token, user))
                        .orElseThrow(() -> new BadCredentialsException(
                                "The API token is unknown or expired; get a new one from POST /api/auth/token."));
            }

            @Override
            public boolean supports(Class<?> type) {
                return BearerTokenAuthentication.class.isAssignableFrom(type);
            }
        };
    }
}
