package org.heard.conversations;

import java.util.Locale;

/** The word the inbox shows for a priority score from 0 to 100. */
public enum PriorityLevel {
    LOW,
    NORMAL,
    HIGH,
    URGENT;

    public static PriorityLevel of(int score) {
        if (score >= 75) {
            return URGENT;
        }
        if (score >= 50) {
            return HIGH;
        }
        return score >= 25 ? NORMAL : LOW;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
