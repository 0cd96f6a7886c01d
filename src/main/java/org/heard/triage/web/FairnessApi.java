package org.heard.triage.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import org.heard.platform.Refused;
import org.heard.triage.fairness.Fairness;
import org.heard.triage.fairness.FairnessReport;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The fairness report for programs: first response and resolution of complaints by channel and follower count. */
@RestController
@Tag(name = "Triage")
class FairnessApi {

    private final FairnessReport fairness;

    FairnessApi(FairnessReport fairness) {
        this.fairness = fairness;
    }

    @GetMapping("/api/triage/fairness")
    Fairness fairness(@RequestParam Instant from, @RequestParam Instant to) {
        if (Duration.between(from, to).toDays() > 366) {
            throw new Refused("Ask for a year or less at a time.");
        }
        return fairness.between(from, to);
    }
}
