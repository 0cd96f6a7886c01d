package org.heard.channels;

/** A network did not take a reply. {@code retryable} says whether trying again later may work. */
public class SendFailed extends Exception {

    private final boolean retryable;

    public SendFailed(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public SendFailed(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
