package org.heard.channels;

import java.util.Set;

/** The networks this Heard is connected to, and their rules for replies. */
public interface Channels {

    Set<String> names();

    ComposerRules rules(String channel);
}
