package org.heard.platform;

/**
 * Heard refuses what a person asked for, and the message says why in words they can act on ("Write a reply before
 * sending it."). The API answers it with a 400 problem detail carrying the message ({@link ApiProblems}); a page shows
 * it on Heard's error page or next to the form ({@link PageProblems}).
 *
 * <p>Only a refusal's message reaches a person. A JDK or library {@link IllegalArgumentException} that escapes a
 * controller is a request Heard failed to read, and its message stays in the log: code that parses what a person
 * wrote (an id, an enum, a time) catches the JDK's exception where it parses and throws a refusal instead. A module
 * names its own kinds where a caller tells them apart ({@code ReplyRefused}, {@code FilterUnknown}); other refusals
 * are this type itself.
 */
public class Refused extends RuntimeException {

    public Refused(String reason) {
        super(reason);
    }

    public Refused(String reason, Throwable cause) {
        super(reason, cause);
    }
}
