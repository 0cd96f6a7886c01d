package org.heard.conversations.internal;

import org.jspecify.annotations.Nullable;

/**
 * What an agent asks for to continue a conversation elsewhere.
 *
 * @param identityId the customer's profile to go on with; {@code null} to go private with the same
 *     profile on the same network
 * @param note what the customer reads where the conversation was (publicly in the thread for a public
 *     one); {@code null} for the default; a blank one sends none, which only a private conversation allows
 * @param text the first private message where it goes on; needed on another channel, where the
 *     customer would otherwise hear nothing there
 */
public record ContinuationDraft(
        @Nullable Long identityId,
        @Nullable String note,
        @Nullable String text) {

    public ContinuationDraft {
        note = note == null ? null : note.strip();
        text = text == null || text.isBlank() ? null : text.strip();
    }
}
