package org.heard.channels;

/** A signed webhook whose body is not what the network documents. */
public class MalformedWebhook extends RuntimeException {

    public MalformedWebhook(String message) {
        super(message);
    }

    public MalformedWebhook(String message, Throwable cause) {
        super(message, cause);
    }
}
