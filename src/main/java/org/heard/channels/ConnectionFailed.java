package org.heard.channels;

import org.heard.platform.Refused;

/**
 * A network refused an account's credentials or could not be reached while connecting. The message
 * carries the network's own reason so the admin can fix it; the channels API answers it 422, as the
 * network, not Heard, refused.
 */
public class ConnectionFailed extends Refused {

    public ConnectionFailed(String message) {
        super(message);
    }

    public ConnectionFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
