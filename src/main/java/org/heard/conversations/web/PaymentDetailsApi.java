package org.heard.conversations.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.heard.conversations.internal.PaymentDetailReveal;
import org.heard.identity.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Supervisors read a private message's masked payment details as the customer wrote them; every reveal is recorded. */
@RestController
@RequestMapping("/api")
@Tag(name = "Conversations")
class PaymentDetailsApi {

    private final PaymentDetailReveal reveals;

    PaymentDetailsApi(PaymentDetailReveal reveals) {
        this.reveals = reveals;
    }

    @PostMapping("/conversations/{id}/messages/{messageId}/reveal")
    @Operation(
            summary = "Read a private message's masked payment details as written (supervisors and admins; recorded)")
    Revealed reveal(@PathVariable long id, @PathVariable long messageId, @AuthenticationPrincipal SignedInUser me) {
        return new Revealed(messageId, reveals.reveal(id, messageId, me));
    }

    /** The message as the customer wrote it. */
    record Revealed(long messageId, String text) {}
}
