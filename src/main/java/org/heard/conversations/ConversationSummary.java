package org.heard.conversations;

import java.time.Instant;
import org.heard.channels.Visibility;
import org.jspecify.annotations.Nullable;

/**
 * A conversation as a list of many shows it: where it is, whose it is, and how it stands.
 *
 * @param account the network's id of the brand's account it is on
 * @param contactId the person, as Heard knows them across networks
 * @param customerName the name the person goes by on the network
 * @param customerHandle their handle there, if the network has handles
 */
public record ConversationSummary(
        long id,
        String channel,
        String account,
        Visibility visibility,
        ConversationStatus status,
        long contactId,
        String customerName,
        @Nullable String customerHandle,
        Instant lastMessageAt) {}
