package org.heard.platform;

/**
 * A time a person wrote that Heard cannot act on: it cannot be read, names no time zone, has passed, or lies further
 * ahead than Heard schedules. The message says how to write one that works.
 *
 * @see TeamTimeZone#later(String, String, java.time.Instant)
 */
public class TimeRefused extends Refused {

    public TimeRefused(String reason) {
        super(reason);
    }
}
