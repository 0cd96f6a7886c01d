package org.heard.conversations;

import org.heard.platform.Refused;

/**
 * A check before sending refused a reply; nothing was stored or sent.
 *
 * @see ReplyVerdict.Refuse
 */
public class ReplyRefused extends Refused {

    private final boolean movePrivate;

    public ReplyRefused(String reason, boolean movePrivate) {
        super(reason);
        this.movePrivate = movePrivate;
    }

    /** Whether the same reply could be sent privately instead. */
    public boolean movePrivate() {
        return movePrivate;
    }
}
