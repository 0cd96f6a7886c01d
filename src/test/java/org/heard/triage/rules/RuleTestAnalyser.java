package org.heard.triage.rules;

import java.util.ArrayList;
import java.util.Locale;
import org.heard.triage.Analysis;
import org.heard.triage.Sentiment;
import org.heard.triage.TextAnalyser;
import org.heard.triage.Urgency;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A small stand-in for Heard's analyser, so the rules' tests know exactly what a sample reads as:
 * "refund" gives the refund signal, "twice" charged-twice, "down" an outage with high urgency, and an
 * exclamation mark a negative complaint.
 */
@TestConfiguration(proxyBeanMethods = false)
class RuleTestAnalyser {

    @Bean
    @Primary
    TextAnalyser ruleTestAnalyser() {
        return text -> {
            var lower = text.toLowerCase(Locale.ROOT);
            var signals = new ArrayList<String>();
            if (lower.contains("refund")) {
                signals.add("refund");
            }
            if (lower.contains("twice")) {
                signals.add("charged-twice");
            }
            if (lower.contains("down")) {
                signals.add("outage");
            }
            boolean upset = text.contains("!");
            return new Analysis(
                    upset ? Sentiment.NEGATIVE : Sentiment.NEUTRAL,
                    upset ? -0.7 : 0,
                    upset,
                    signals.contains("outage") ? Urgency.HIGH : Urgency.NONE,
                    signals,
                    "en");
        };
    }
}
