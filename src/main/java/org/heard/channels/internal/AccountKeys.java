package org.heard.channels.internal;

import java.util.Optional;
import org.heard.channels.ChannelAccount;

/**
 * Finds an account in use by the key in its URLs, with its credentials, for the parts of the channels
 * module that serve a network's own endpoints (the web chat widget). Never for other modules.
 */
public interface AccountKeys {

    /** The account with this key on the channel, unless it was disconnected. */
    Optional<ChannelAccount> inUse(String channel, String key);
}
