package org.heard.channels;

import org.jspecify.annotations.Nullable;

/**
 * A connected account as other modules may show it: never its credentials.
 *
 * @param externalId the network's id for the account, as {@link InboundMessage#account()} carries it
 * @param statusDetail the network's reason when the account is failing
 */
public record AccountSummary(
        long id,
        String channel,
        String externalId,
        String name,
        AccountStatus status,
        @Nullable String statusDetail) {}
