package org.heard.channels;

/** Whether Heard can act for a connected account right now. */
public enum AccountStatus {
    /** The network took the credentials the last time Heard used them. */
    CONNECTED,
    /** The network refused the credentials, or Heard cannot decrypt them; an admin must look. */
    FAILING,
    /** An admin disconnected it: its webhooks are answered 410 and no reply is sent for it. */
    DISCONNECTED
}
