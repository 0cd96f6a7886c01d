package org.heard.triage.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.heard.platform.Problems;
import org.heard.platform.Refused;
import org.heard.triage.Analysis;
import org.heard.triage.TextAnalyser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Lets anyone on the team, or a script with a token, see how Heard reads a message. */
@RestController
@Tag(name = "Triage")
class AnalyseApi {

    /** A long email thread fits; a pasted log file is refused rather than read in part. */
    static final int MAX_TEXT = 100_000;

    private final TextAnalyser analyser;

    AnalyseApi(TextAnalyser analyser) {
        this.analyser = analyser;
    }

    @PostMapping("/api/triage/analyse")
    ResponseEntity<?> analyse(@RequestBody TextToAnalyse request) {
        if (request.text() == null) {
            throw new Refused("Send the message to read as {\"text\": \"...\"}; the text was missing.");
        }
        if (request.text().length() > MAX_TEXT) {
            return Problems.answer(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "Text too long",
                    "A message to analyse has at most " + MAX_TEXT + " characters; this one has "
                            + request.text().length() + ". Send the customer's own words, not a whole thread.");
        }
        Analysis analysis = analyser.analyse(request.text());
        return ResponseEntity.ok(analysis);
    }

    record TextToAnalyse(@Nullable String text) {}
}
