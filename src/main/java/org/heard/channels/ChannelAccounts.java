package org.heard.channels;

import java.util.List;
import java.util.Optional;

/**
 * The accounts Heard acts for on each network, for modules that show them (a conversation names the
 * account it came in on). Connecting and credentials stay inside the channels module.
 */
public interface ChannelAccounts {

    /** Every account ever connected, disconnected ones too, by channel and name. */
    List<AccountSummary> all();

    /** The account with the network's id on a channel, as messages and replies name it. */
    Optional<AccountSummary> find(String channel, String externalId);
}
