package org.heard.triage;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the analyser read in one message.
 *
 * @param sentiment negative, neutral or positive
 * @param score sentiment strength from -1 (most negative) to 1 (most positive)
 * @param complaint whether the customer is complaining about the company's product or service
 * @param urgency how soon a person should answer
 * @param signals what the analyser saw that matters for priority, as short keys a person can read
 *     ({@code refund}, {@code charged-twice}, {@code outage}, {@code still-waiting} …)
 * @param language ISO 639-1 code of the message's language, or {@code null} when the text is too short
 *     or mixed to tell
 */
public record Analysis(
        Sentiment sentiment,
        double score,
        boolean complaint,
        Urgency urgency,
        List<String> signals,
        @Nullable String language) {

    public Analysis {
        if (score < -1 || score > 1 || Double.isNaN(score)) {
            throw new IllegalArgumentException("A sentiment score lies between -1 and 1, not " + score);
        }
        signals = List.copyOf(signals);
    }
}
