package org.heard.channels;

/** A webhook that cannot be trusted: its signature is missing or wrong. */
public class WebhookRejected extends RuntimeException {

    public WebhookRejected(String message) {
        super(message);
    }
}
