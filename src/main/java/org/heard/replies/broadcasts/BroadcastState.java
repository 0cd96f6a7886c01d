package org.heard.replies.broadcasts;

/** Where a broadcast stands: still sending, every recipient handled, or stopped by a person. */
public enum BroadcastState {
    RUNNING,
    FINISHED,
    CANCELLED
}
