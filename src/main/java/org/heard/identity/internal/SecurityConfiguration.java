package org.heard.identity.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may reach what. People sign in with a form (CSRF-protected); machines send a bearer token.
 * Webhooks, the sandbox network and public pages need no sign-in: webhooks prove themselves with
 * their network's signature instead.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private static final RequestMatcher API = request -> request.getRequestURI().startsWith("/api/");

    @Bean
    SecurityFilterChain web(HttpSecurity http, ApiTokens tokens, UserAccounts accounts, JsonMapper json)
            throws Exception {
        var bearer = new AuthenticationFilter(
                new ProviderManager(BearerTokenAuthentication.provider(tokens)), BearerTokenAuthentication.converter());
        bearer.setSuccessHandler((request, response, authentication) -> {});
        bearer.setFailureHandler((request, response, exception) ->
                writeProblem(response, json, HttpStatus.UNAUTHORIZED, exception.getMessage()));

        http.authorizeHttpRequests(requests -> requests
                        // Anyone may be a sandbox customer; only the team may turn demo traffic on or off.
                        .requestMatchers("/sandbox/generator", "/api/sandbox/generator")
                        .authenticated()
                        .requestMatchers(
                                "/login",
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/error",
                                "/hooks/**",
                                "/p/**",
                                "/sandbox",
                                "/sandbox/**",
                                "/api/sandbox/**",
                                "/api/auth/token",
                                "/v3/api-docs/**",
                                "/swagger-ui/**",
                                "/swagger-ui.html",
                                "/actuator/health/**",
                                "/actuator/prometheus")
                        .permitAll()
                        .requestMatchers("/admin/**", "/api/admin/**")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .authenticated())
                .addFilterBefore(bearer, UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new StillAllowed(accounts), AnonymousAuthenticationFilter.class)
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/inbox", false))
                .logout(logout -> logout.logoutSuccessUrl("/login?signed-out"))
                .csrf(csrf -> csrf.ignoringRequestMatchers(
                        BearerTokenAuthentication::present,
                        request -> request.getRequestURI().startsWith("/hooks/"),
                        // The web chat widget runs on the company's site and proves itself with the
                        // visitor's pass, never a cookie.
                        request -> request.getRequestURI().startsWith("/p/chat/"),
                        request -> request.getRequestURI().equals("/api/sandbox/posts"),
                        request -> request.getRequestURI().equals("/api/sandbox/brand/posts"),
                        request -> request.getRequestURI().equals("/api/auth/token")))
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                                (request, response, exception) -> writeProblem(
                                        response,
                                        json,
                                        HttpStatus.UNAUTHORIZED,
                                        "Sign in first: send Authorization: Bearer <token> from POST /api/auth/token."),
                                API)
                        .defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint("/login"), request -> !API.matches(request))
                        .defaultAccessDeniedHandlerFor(
                                (request, response, exception) -> writeProblem(
                                        response,
                                        json,
                                        HttpStatus.FORBIDDEN,
                                        "Your role does not allow this; ask an admin if you need it."),
                                API)
                        // A page a role may not open is Heard's error page (sent to /error), not the API's problem
                        // detail: with one handler only, Spring Security would use it for every request.
                        .defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), request -> !API.matches(request)))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data: https:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
                                + "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'")));
        return http.build();
    }

    private static void writeProblem(HttpServletResponse response, JsonMapper json, HttpStatus status, String detail)
            throws java.io.IOException {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("ROLE_ADMIN > ROLE_SUPERVISOR\nROLE_SUPERVISOR > ROLE_AGENT");
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        var argon2 = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
        return new BoundedPasswordEncoder(new DelegatingPasswordEncoder("argon2", Map.of("argon2", argon2)), 4);
    }
}
