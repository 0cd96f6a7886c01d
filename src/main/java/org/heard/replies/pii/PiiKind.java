package org.heard.replies.pii;

/** The kinds of personal data the guard looks for, with the words an agent reads. */
public enum PiiKind {
    CARD_NUMBER("a payment card number", 4),
    ACCOUNT_NUMBER("an account number", 4),
    EMAIL_ADDRESS("an email address", 0),
    DATE_OF_BIRTH("a date of birth", 0),
    PHONE_NUMBER("a phone number", 3),
    POSTAL_ADDRESS("a postal address", 0);

    private final String words;
    private final int visibleDigits;

    PiiKind(String words, int visibleDigits) {
        this.words = words;
        this.visibleDigits = visibleDigits;
    }

    /** "a payment card number". */
    public String words() {
        return words;
    }

    /** How many of its last letters and digits a mask leaves readable, so an agent can still tell which it is. */
    int visibleDigits() {
        return visibleDigits;
    }
}
