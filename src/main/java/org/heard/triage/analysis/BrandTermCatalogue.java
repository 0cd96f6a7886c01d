package org.heard.triage.analysis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.heard.platform.HeldInMemory;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/**
 * The brand terms supervisors keep, and the vocabulary the analyser reads with. Writing a term here
 * rebuilds the vocabulary at once; the vocabulary is also reloaded when it is a minute old, so that
 * a term written through another Heard node reaches this one within a minute — one query a minute,
 * never one per message.
 */
@Service
public class BrandTermCatalogue implements CurrentBrandTerms, HeldInMemory {

    private static final Duration FRESHNESS = Duration.ofMinutes(1);

    private final BrandTerms terms;
    private final Clock clock;
    private volatile @Nullable Snapshot snapshot;

    BrandTermCatalogue(BrandTerms terms) {
        this.terms = terms;
        this.clock = Clock.systemUTC();
    }

    public List<BrandTerm> all() {
        return terms.findAll(Sort.by("term"));
    }

    /** Adds the term or changes its valence and signal; invalid input is refused with the reason. */
    public BrandTerm put(String term, double valence, @Nullable String signal) {
        var saved = terms.save(new BrandTerm(term, valence, signal, clock.instant()));
        reload();
        return saved;
    }

    /** Forgets the term; true if there was one. */
    public boolean remove(String term) {
        String key = BrandTerm.normalise(term);
        boolean existed = terms.existsById(key);
        terms.deleteById(key);
        reload();
        return existed;
    }

    @Override
    public void forget() {
        snapshot = null;
    }

    @Override
    public BrandVocabulary vocabulary() {
        var current = snapshot;
        if (current == null || current.loadedAt().plus(FRESHNESS).isBefore(clock.instant())) {
            return reload();
        }
        return current.vocabulary();
    }

    private synchronized BrandVocabulary reload() {
        var fresh = new Snapshot(BrandVocabulary.of(terms.findAll()), clock.instant());
        snapshot = fresh;
        return fresh.vocabulary();
    }

    private record Snapshot(BrandVocabulary vocabulary, Instant loadedAt) {}
}
