package org.heard.channels;

import java.util.Set;

/** The networks this Heard is connected to, and their rules for replies. */
public interface Channels {

    Set<String> names();

    /** Whether Heard can reach this channel now (a connector may be switched off or removed). */
    boolean connected(String channel);

    /** The channel's rules; for a channel no longer connected, conservative ones for display. */
    ComposerRules rules(String channel);
}
