package org.heard.replies.broadcasts;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The new-broadcast form as submitted: the audience's filters, the update, how it goes out, and the one-time key
 * made when the form was drawn.
 *
 * @param among which conversations by visibility: {@code public}, {@code private} or {@code any}
 * @param visibility how the reply goes: {@code own} (each conversation's way), {@code public} or {@code private}
 */
public record BroadcastForm(
        @Nullable String key,
        @Nullable String tags,
        @Nullable String status,
        @Nullable String channel,
        @Nullable String queue,
        @Nullable String among,
        @Nullable String text,
        @Nullable String visibility,
        @Nullable String pace) {

    /** The same form with a fresh one-time key, for drawing it anew. */
    BroadcastForm withNewKey() {
        return new BroadcastForm(
                UUID.randomUUID().toString(), tags, status, channel, queue, among, text, visibility, pace);
    }

    Audience audience() {
        return Audience.fromForm(tags, status, channel, queue, among);
    }

    BroadcastDraft draft() {
        return new BroadcastDraft(
                key,
                text,
                audience().criteria(),
                Audience.visibility(visibility, "Choose each conversation's own way, public or private."),
                pace == null || pace.isBlank() ? null : Pace.parse(pace));
    }

    /** Whether the form says anything about the audience yet. */
    boolean chosen() {
        return notBlank(tags) || notBlank(channel) || notBlank(queue) || notBlank(among) || notBlank(status);
    }

    private static boolean notBlank(@Nullable String value) {
        return value != null && !value.isBlank();
    }
}
