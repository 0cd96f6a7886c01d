package org.heard.replies.broadcasts;

import org.heard.channels.Visibility;
import org.heard.conversations.ConversationCriteria;
import org.heard.platform.Refused;
import org.jspecify.annotations.Nullable;

/**
 * A broadcast someone wants to start. A draft without its one-time key or its text cannot exist.
 *
 * @param key the one-time key of the form or API call that starts it: the same key starts one broadcast only
 * @param audience which conversations it goes to
 * @param visibility public or private for every recipient, or null for each conversation's own way
 * @param pace a pace slower than the networks' own, or null for theirs
 */
public record BroadcastDraft(
        String key,
        String text,
        ConversationCriteria audience,
        @Nullable Visibility visibility,
        @Nullable Pace pace) {

    static final int MAX_KEY = 80;

    public BroadcastDraft {
        if (key == null || key.isBlank()) {
            throw new Refused(
                    "A broadcast needs a one-time key (any unique text, such as a UUID) so that it starts only once.");
        }
        key = key.strip();
        if (key.length() > MAX_KEY) {
            throw new Refused("The one-time key has " + key.length() + " characters; use at most " + MAX_KEY
                    + " (a UUID has 36).");
        }
        if (text == null || text.isBlank()) {
            throw new Refused("Write the update before broadcasting it.");
        }
        text = text.strip();
        if (audience == null) {
            throw new Refused("Choose which conversations the broadcast goes to.");
        }
    }
}
