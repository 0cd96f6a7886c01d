package org.heard.channels.x;

import java.net.URI;
import java.time.Duration;

/**
 * How Heard uses X's API, from {@code heard.channels.x} in application.yml.
 *
 * @param monthlyReadBudget posts and Direct Message events Heard may read for one account in a month:
 *     the plan's read cap shared among the accounts, or what the operator is willing to pay for
 * @param minInterval the shortest wait between two polls of one account
 * @param maxPages how many pages of one source a poll reads at most
 */
record XSettings(URI apiUrl, long monthlyReadBudget, Duration minInterval, int maxPages) {

    XSettings {
        if (monthlyReadBudget < 1 || maxPages < 1 || minInterval.isNegative()) {
            throw new IllegalArgumentException("heard.channels.x needs a positive read budget and page count");
        }
    }

    URI resolve(String path) {
        return URI.create(apiUrl.toString().replaceAll("/+$", "") + path);
    }
}
