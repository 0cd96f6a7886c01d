package org.heard.channels;

import java.util.Set;

/** Liking and hiding customers' public comments on the networks that allow it. */
public interface Moderations {

    /** What the channel lets Heard do to a public comment; empty where it allows nothing. */
    Set<Moderation> supported(String channel);

    /**
     * Does it on the network now, for the account the comment came in on.
     *
     * @param account the network's id for the account
     * @param comment the network's id for the comment
     * @throws SendFailed with the network's reason when it refuses or cannot be reached
     * @throws Refused when the channel does not support it
     */
    void moderate(String channel, String account, String comment, Moderation action) throws SendFailed;
}
