package org.heard.channels.mastodon;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * What Mastodon's rate-limit headers say (<a href="https://docs.joinmastodon.org/api/rate-limits/">docs</a>):
 * by default 300 calls per account in 5 minutes; {@code X-RateLimit-Remaining} calls are left until
 * {@code X-RateLimit-Reset}, an ISO 8601 time such as {@code 2026-11-23T15:35:00.019685Z}.
 *
 * @param remaining calls left in this window, or null if the server did not say
 * @param reset when the window ends, or null if the server did not say
 */
record MastodonRateLimit(
        @Nullable Integer remaining, @Nullable Instant reset) {

    /** Calls kept for sending replies: polling never spends the last of them. */
    static final int KEPT_FOR_REPLIES = 30;

    static final Duration LONGEST = Duration.ofHours(1);

    static MastodonRateLimit of(HttpResponse<?> response) {
        return new MastodonRateLimit(
                integer(MastodonApi.header(response, "X-RateLimit-Remaining")),
                instant(MastodonApi.header(response, "X-RateLimit-Reset")));
    }

    /** How long until the window resets, between zero and an hour; null if the server did not say. */
    @Nullable
    Duration untilReset(Instant now) {
        if (reset == null) {
            return null;
        }
        var wait = Duration.between(now, reset);
        return wait.isNegative() ? Duration.ZERO : wait.compareTo(LONGEST) > 0 ? LONGEST : wait;
    }

    /**
     * When to poll again: soon if the page was full (more is waiting), at the usual interval otherwise,
     * and not before the window resets once only the calls kept for replies are left.
     */
    Duration nextPoll(Duration every, boolean more, Instant now) {
        var untilReset = untilReset(now);
        if (remaining != null && remaining <= KEPT_FOR_REPLIES && untilReset != null) {
            return untilReset.compareTo(every) > 0 ? untilReset : every;
        }
        return more ? Duration.ofSeconds(1) : every;
    }

    private static @Nullable Integer integer(@Nullable String value) {
        try {
            return value == null ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Mastodon sends an ISO 8601 time; servers that copy other APIs send epoch seconds, read too. */
    private static @Nullable Instant instant(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException notIso) {
            try {
                return Instant.ofEpochSecond(Long.parseLong(value.strip()));
            } catch (NumberFormatException | java.time.DateTimeException notEpoch) {
                return null;
            }
        }
    }
}
