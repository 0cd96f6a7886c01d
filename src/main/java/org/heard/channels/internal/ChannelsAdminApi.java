package org.heard.channels.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.heard.channels.ConnectionFailed;
import org.heard.channels.internal.ChannelOverview.AccountView;
import org.heard.channels.internal.ChannelOverview.ChannelView;
import org.heard.identity.SignedInUser;
import org.heard.platform.Problems;
import org.heard.platform.Refused;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins connect, check and disconnect channel accounts through the API as on the Channels page.
 * Secrets go in and never come out: answers carry only the values of fields that are not secret.
 */
@RestController
@RequestMapping("/api/admin/channels")
@Tag(name = "Channel accounts")
class ChannelsAdminApi {

    private static final String PROBLEM = "application/problem+json";

    private final ChannelOverview overview;
    private final AccountConnections connections;
    private final WebhookAddress address;

    ChannelsAdminApi(ChannelOverview overview, AccountConnections connections, WebhookAddress address) {
        this.overview = overview;
        this.connections = connections;
        this.address = address;
    }

    /** @param canStoreCredentials false until a credentials key is configured for an external database */
    record Overview(List<ChannelView> channels, List<String> withoutAccounts, boolean canStoreCredentials) {}

    /** @param credentials the values of the channel's credential fields, by field name */
    record ConnectRequest(String channel, @Nullable Map<String, String> credentials) {}

    /** @param credentials new values; a secret left out or blank keeps its stored value */
    record ChangeRequest(@Nullable Map<String, String> credentials) {}

    @GetMapping
    @Operation(
            summary = "Every channel that takes accounts, with the fields to connect one and its accounts",
            description = "Each account has its webhook URL and verify token to paste into the network's console;"
                    + " secret values are never included.")
    Overview list(HttpServletRequest http) {
        var base = address.base(http);
        return new Overview(overview.channels(base), overview.withoutAccounts(), overview.canStoreCredentials());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Connect an account: the network checks the credentials before anything is stored",
            description = "Connecting an account the network already knows under this channel updates it.")
    @ApiResponse(responseCode = "201", description = "Connected")
    @ApiResponse(
            responseCode = "422",
            description = "The network refused the credentials; its reason is the detail",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "503",
            description = "No credentials key is configured (HEARD_CREDENTIALS_KEY)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    AccountView connect(
            @RequestBody ConnectRequest request, @AuthenticationPrincipal SignedInUser me, HttpServletRequest http) {
        if (request.channel() == null || request.channel().isBlank()) {
            throw new Refused("Say which channel to connect an account on.");
        }
        var base = address.base(http);
        var values = request.credentials() == null ? Map.<String, String>of() : request.credentials();
        return overview.account(connections.connect(request.channel(), values, base, me.asColleague()), base);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change an account's settings; the network checks them before they are stored")
    @ApiResponse(
            responseCode = "422",
            description = "The network refused the credentials, or they are for another account",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    AccountView change(
            @PathVariable long id,
            @RequestBody ChangeRequest request,
            @AuthenticationPrincipal SignedInUser me,
            HttpServletRequest http) {
        var base = address.base(http);
        var values = request.credentials() == null ? Map.<String, String>of() : request.credentials();
        return overview.account(connections.change(id, values, base, me.asColleague()), base);
    }

    @PostMapping("/{id}/test")
    @Operation(
            summary = "Test an account's stored credentials with the network",
            description = "The account's status becomes CONNECTED, or FAILING with the network's reason.")
    AccountView test(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, HttpServletRequest http) {
        var base = address.base(http);
        return overview.account(connections.test(id, base, me.asColleague()), base);
    }

    @DeleteMapping("/{id}")
    @Operation(
            summary = "Disconnect an account",
            description = "Its webhooks are answered 410 Gone and no reply is sent for it; its conversations and"
                    + " history stay. Connecting it again brings it back.")
    AccountView disconnect(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, HttpServletRequest http) {
        return overview.account(connections.disconnect(id, me.asColleague()), address.base(http));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(ConnectionFailed e) {
        return Problems.answer(HttpStatus.UNPROCESSABLE_CONTENT, "Not accepted by the network", e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> noKey(CredentialsKey.KeyMissing e) {
        return Problems.answer(HttpStatus.SERVICE_UNAVAILABLE, "No credentials key", e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notFound(AccountConnections.AccountNotFound e) {
        return Problems.answer(HttpStatus.NOT_FOUND, "No such account", e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unknownChannel(WebhookEndpoint.UnknownChannel e) {
        return Problems.answer(HttpStatus.NOT_FOUND, "No such channel", e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> disconnected(AccountConnections.AccountDisconnected e) {
        return Problems.answer(HttpStatus.CONFLICT, "Account disconnected", e.getMessage());
    }
}
