package org.heard.channels;

import java.util.List;
import java.util.Set;

/** The networks this Heard is connected to, and their rules for replies. */
public interface Channels {

    Set<String> names();

    /** Whether Heard can reach this channel now (a connector may be switched off or removed). */
    boolean connected(String channel);

    /** The channel's rules; for a channel no longer connected, conservative ones for display. */
    ComposerRules rules(String channel);

    /**
     * The rules for replies from one account, which may differ from the channel's (a longer messaging window
     * where the account may use it); the channel's rules if the account is unknown or cannot be opened.
     *
     * @param account the network's id for the account, as conversations name it
     */
    default ComposerRules rules(String channel, String account) {
        return rules(channel);
    }

    /** Where the brand can publish posts of its own now: accounts in use on networks that take them. */
    default List<PostTarget> postTargets() {
        return List.of();
    }
}
