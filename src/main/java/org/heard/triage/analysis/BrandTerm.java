package org.heard.triage.analysis;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import org.heard.platform.Refused;
import org.jspecify.annotations.Nullable;

/**
 * A word or phrase with a meaning special to this company, set by a supervisor: "delayed" hurts more
 * for an airline, "wifi down" is an outage for a hotel. Self-validating: no invalid term exists.
 */
@Entity
@Table(name = "triage_brand_terms")
public class BrandTerm {

    static final int MAX_LENGTH = 100;

    @Id
    private String term;

    @Column(nullable = false)
    private double valence;

    private @Nullable String signal;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected BrandTerm() {}

    public BrandTerm(String term, double valence, @Nullable String signal, Instant updatedAt) {
        this.term = normalise(term);
        if (Double.isNaN(valence) || valence < -4 || valence > 4) {
            throw new Refused("A term's valence runs from -4 (very negative) to 4 (very positive); " + valence
                    + " is outside that range.");
        }
        if (signal != null && !signal.isBlank() && !CareSignals.KEYS.contains(signal)) {
            throw new Refused("There is no signal \"" + signal + "\"; use one of " + String.join(", ", CareSignals.KEYS)
                    + ", or none.");
        }
        this.valence = valence;
        this.signal = signal == null || signal.isBlank() ? null : signal;
        this.updatedAt = updatedAt;
    }

    /** A term as Heard stores and matches it: trimmed, lower case, single spaces. */
    static String normalise(@Nullable String term) {
        if (term == null || term.isBlank()) {
            throw new Refused("Give the word or phrase to watch for; the term was empty.");
        }
        String normal = term.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (normal.length() > MAX_LENGTH) {
            throw new Refused("A term has at most " + MAX_LENGTH + " characters; this one has " + normal.length()
                    + ". Use the few words customers actually write.");
        }
        return normal;
    }

    public String term() {
        return term;
    }

    public double valence() {
        return valence;
    }

    public @Nullable String signal() {
        return signal;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
