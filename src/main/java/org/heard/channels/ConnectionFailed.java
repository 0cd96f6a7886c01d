package org.heard.channels;

/**
 * A network refused an account's credentials or could not be reached while connecting. The message
 * carries the network's own reason so the admin can fix it.
 */
public class ConnectionFailed extends RuntimeException {

    public ConnectionFailed(String message) {
        super(message);
    }

    public ConnectionFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
