package org.heard.replies.composer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import java.util.Map;
import org.heard.channels.Visibility;
import org.heard.identity.SignedInUser;
import org.heard.platform.Refused;
import org.heard.replies.ReplyVariables;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The composer for machines: a reply's preview, the variables and the team's signatures. */
@RestController
@Tag(name = "Replies")
class ComposerApi {

    private final Previews previews;
    private final ReplyVariables variables;
    private final Signatures signatures;

    ComposerApi(Previews previews, ReplyVariables variables, Signatures signatures) {
        this.previews = previews;
        this.variables = variables;
        this.signatures = signatures;
    }

    @PostMapping("/api/replies/preview")
    @Operation(
            summary = "A reply as the customer will read it: variables filled in, signed, counted the channel's"
                    + " way, with what would stop it being sent")
    Preview preview(@RequestBody PreviewRequest request, @AuthenticationPrincipal SignedInUser me) {
        if (request.conversationId() == null) {
            throw new Refused("Name the conversation: {\"conversationId\": 12, \"text\": \"…\"}.");
        }
        var visibility = "private".equalsIgnoreCase(request.visibility()) ? Visibility.PRIVATE : Visibility.PUBLIC;
        return previews.preview(
                request.conversationId(), me.id(), request.text() == null ? "" : request.text(), visibility);
    }

    @GetMapping("/api/replies/variables")
    @Operation(summary = "The variables Heard fills in, with what each means; with conversation, their values there")
    Map<String, String> variables(
            @RequestParam(required = false) @Nullable Long conversation, @AuthenticationPrincipal SignedInUser me) {
        return conversation == null ? ReplyVariables.STANDARD : variables.values(conversation, me.id());
    }

    @GetMapping("/api/replies/signatures")
    @Operation(summary = "How agents sign replies on each connected channel: NONE, INITIALS, FIRST_NAME or FULL_NAME")
    Map<String, SignatureStyle> signatures() {
        return signatures.everyChannel();
    }

    @PutMapping("/api/replies/signatures/{channel}")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Operation(summary = "Set how agents sign replies on a channel (supervisors)")
    Map<String, SignatureStyle> sign(
            @PathVariable String channel,
            @RequestBody SignatureRequest request,
            @AuthenticationPrincipal SignedInUser me) {
        signatures.set(channel, style(request.style()), me.id());
        return signatures();
    }

    static SignatureStyle style(@Nullable String value) {
        try {
            return SignatureStyle.valueOf(String.valueOf(value).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Refused("A signature style is NONE, INITIALS, FIRST_NAME or FULL_NAME.");
        }
    }

    record PreviewRequest(
            @Nullable Long conversationId,
            @Nullable String text,
            @Nullable String visibility) {}

    record SignatureRequest(@Nullable String style) {}
}
