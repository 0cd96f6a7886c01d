package org.heard.conversations.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.heard.conversations.internal.ContinuationDraft;
import org.heard.conversations.internal.ContinuationOptions;
import org.heard.conversations.internal.Continuing;
import org.heard.conversations.internal.ConversationView;
import org.heard.conversations.internal.InboxQueries;
import org.heard.conversations.internal.LinkView;
import org.heard.conversations.internal.ProfileView;
import org.heard.conversations.internal.Profiles;
import org.heard.identity.SignedInUser;
import org.heard.platform.Refused;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Continuing a conversation privately or on another channel, and linking a customer's profiles by hand. */
@RestController
@RequestMapping("/api")
@Tag(name = "Conversations")
class ContinuingApi {

    private final Continuing continuing;
    private final Profiles profiles;
    private final InboxQueries queries;

    ContinuingApi(Continuing continuing, Profiles profiles, InboxQueries queries) {
        this.continuing = continuing;
        this.profiles = profiles;
        this.queries = queries;
    }

    @GetMapping("/conversations/{id}/continuation-options")
    @Operation(
            summary = "Where the conversation can go on: privately on the same network, or with a linked profile"
                    + " on another channel; each with the default note, or the reason it is not possible")
    ContinuationOptions options(@PathVariable long id) {
        return continuing.options(id);
    }

    @PostMapping("/conversations/{id}/continuation")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Continue the conversation privately (identityId null) or with a linked profile; the note"
                    + " (default when null) tells the customer publicly where it continues; returns the"
                    + " conversation it goes on in")
    ConversationView continueConversation(
            @PathVariable long id, @RequestBody ContinueRequest request, @AuthenticationPrincipal SignedInUser me) {
        long goesOn = continuing.continueConversation(
                id, me.id(), new ContinuationDraft(request.identityId(), request.note(), request.text()));
        return queries.detail(goesOn);
    }

    @GetMapping("/contacts/{contactId}/profiles")
    @Operation(summary = "The customer's profiles on each network, with who linked each one that came by a link")
    List<ProfileView> profiles(@PathVariable long contactId) {
        return profiles.of(contactId);
    }

    @GetMapping("/contacts/{contactId}/profile-search")
    @Operation(summary = "Other customers' profiles whose handle or name contains q, to link by hand")
    List<ProfileView> search(@PathVariable long contactId, @RequestParam(required = false) @Nullable String q) {
        return profiles.search(contactId, q);
    }

    @PostMapping("/contacts/{contactId}/links")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Link a profile to this customer; its conversations follow it. Never automatic.")
    LinkView link(
            @PathVariable long contactId, @RequestBody LinkRequest request, @AuthenticationPrincipal SignedInUser me) {
        if (request.identityId() == null) {
            throw new Refused("Say which profile to link: identityId.");
        }
        return profiles.link(contactId, request.identityId(), me.id());
    }

    @DeleteMapping("/contacts/{contactId}/links/{identityId}")
    @Operation(summary = "Unlink a profile: it goes back to the contact its link took it from")
    LinkView unlink(
            @PathVariable long contactId, @PathVariable long identityId, @AuthenticationPrincipal SignedInUser me) {
        return profiles.unlink(contactId, identityId, me.id());
    }

    @GetMapping("/contacts/{contactId}/links")
    @Operation(summary = "Every link and unlink of this customer's profiles: who, when, which, from which contact")
    List<LinkView> links(@PathVariable long contactId) {
        return profiles.history(contactId);
    }

    record ContinueRequest(
            @Nullable Long identityId,
            @Nullable String note,
            @Nullable String text) {}

    record LinkRequest(@Nullable Long identityId) {}
}
