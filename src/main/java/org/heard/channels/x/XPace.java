package org.heard.channels.x;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.heard.channels.RetryAfter;

/** How long an account's polls must wait to stay within X's rate limits and the month's read budget. */
final class XPace {

    private XPace() {}

    /**
     * Spreads the requests left in X's window ({@code x-rate-limit-remaining}) over the time until it
     * resets ({@code x-rate-limit-reset}), at the requests one poll makes; with none left, waits for the reset.
     */
    static Duration rateLimit(XApi.Answer answer, int requestsPerPoll, Instant now) {
        var reset = RetryAfter.untilEpochSeconds(answer.header("x-rate-limit-reset"), now);
        var remaining = answer.header("x-rate-limit-remaining");
        if (reset == null || remaining == null) {
            return Duration.ZERO;
        }
        try {
            long left = Long.parseLong(remaining.strip());
            return left <= 0 ? reset : reset.multipliedBy(requestsPerPoll).dividedBy(left);
        } catch (NumberFormatException e) {
            return Duration.ZERO;
        }
    }

    /**
     * Spreads what is left of the month's read budget over the rest of the month (UTC) at the account's
     * own pace, the posts and messages its polls read on average; with the budget spent, waits for the
     * next month.
     */
    static Duration budget(XCursor cursor, long monthlyBudget, Instant now) {
        var month = YearMonth.parse(cursor.month());
        var monthLeft = Duration.between(
                now, month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        long left = monthlyBudget - cursor.read();
        if (left <= 0) {
            return monthLeft;
        }
        long perPoll = Math.max(1, (cursor.read() + cursor.polls() - 1) / Math.max(1, cursor.polls()));
        return monthLeft.multipliedBy(perPoll).dividedBy(left);
    }
}
