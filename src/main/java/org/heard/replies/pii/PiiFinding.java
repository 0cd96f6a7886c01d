package org.heard.replies.pii;

/**
 * Personal data found in a text: its kind and where it is, as {@code text.substring(start, end)}.
 *
 * @param found the characters found, as written
 */
public record PiiFinding(PiiKind kind, int start, int end, String found) {

    public PiiFinding {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("A finding covers at least one character");
        }
    }

    boolean overlaps(PiiFinding other) {
        return start < other.end && other.start < end;
    }

    /**
     * The finding as Heard shows it: letters and digits replaced by {@code •} but for the last few of a card,
     * account or phone number, separators kept ({@code •••• •••• •••• 4242}); an email address keeps its first
     * letter and its domain.
     */
    public String masked() {
        if (kind == PiiKind.EMAIL_ADDRESS) {
            int at = found.indexOf('@');
            return found.charAt(0) + "•••" + found.substring(at);
        }
        int keep = kind.visibleDigits();
        var masked = new StringBuilder(found);
        for (int i = masked.length() - 1; i >= 0; i--) {
            if (Character.isLetterOrDigit(masked.charAt(i))) {
                if (keep > 0) {
                    keep--;
                } else {
                    masked.setCharAt(i, '•');
                }
            }
        }
        return masked.toString();
    }
}
