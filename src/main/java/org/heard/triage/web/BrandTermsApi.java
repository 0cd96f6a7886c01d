package org.heard.triage.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.heard.platform.Problems;
import org.heard.platform.Refused;
import org.heard.triage.analysis.BrandTerm;
import org.heard.triage.analysis.BrandTermCatalogue;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The company's own words for the analyser: everyone may read them, supervisors (and admins) set
 * them. A change applies to the next message Heard reads.
 */
@RestController
@Tag(name = "Triage")
class BrandTermsApi {

    private final BrandTermCatalogue catalogue;

    BrandTermsApi(BrandTermCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/api/triage/terms")
    List<TermView> all() {
        return catalogue.all().stream().map(TermView::of).toList();
    }

    @PutMapping("/api/triage/terms/{term}")
    @PreAuthorize("hasRole('SUPERVISOR')")
    TermView put(@PathVariable String term, @RequestBody TermMeaning meaning) {
        if (meaning.valence() == null) {
            throw new Refused(
                    "Give the term a valence from -4 (very negative) to 4 (very positive), as {\"valence\": -2}.");
        }
        return TermView.of(catalogue.put(term, meaning.valence(), meaning.signal()));
    }

    @DeleteMapping("/api/triage/terms/{term}")
    @PreAuthorize("hasRole('SUPERVISOR')")
    ResponseEntity<?> remove(@PathVariable String term) {
        if (!catalogue.remove(term)) {
            return Problems.answer(
                    HttpStatus.NOT_FOUND, "No such term", "There is no brand term \"" + term + "\" to remove.");
        }
        return ResponseEntity.noContent().build();
    }

    record TermMeaning(@Nullable Double valence, @Nullable String signal) {}

    record TermView(String term, double valence, @Nullable String signal, Instant updatedAt) {
        static TermView of(BrandTerm term) {
            return new TermView(term.term(), term.valence(), term.signal(), term.updatedAt());
        }
    }
}
