package org.heard.conversations.internal;

import org.heard.platform.Refused;

/** The inbox was asked to filter by something it has no filter for; the message lists the ones it has. */
public class FilterUnknown extends Refused {

    FilterUnknown(String reason) {
        super(reason);
    }
}
