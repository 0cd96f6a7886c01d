package org.heard.triage.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What in a customer's words matters for priority, as short keys a person can read. Patterns are
 * English, where most of Heard's first customers write; each is a phrase a care team would recognise,
 * so that a wrong match is easy to explain and to fix.
 */
public final class CareSignals {

    /** Signals that cannot wait: someone may be hurt, in court, cut off, or out of pocket twice. */
    static final Set<String> URGENT = Set.of("safety", "legal", "outage", "charged-twice");

    private static final Map<String, Pattern> PATTERNS = patterns();

    /** Every signal key, in the order Heard reports them. */
    static final List<String> KEYS = List.copyOf(PATTERNS.keySet());

    private CareSignals() {}

    /** Every signal key the analyser gives, for rules and pages that name signals. */
    public static List<String> keys() {
        return KEYS;
    }

    private static final Pattern COMPLAINT = phrases(
            "complain\\w*|unacceptable|disappoint\\w*|not happy|unhappy|fed up|sick of|sort (this|it) out",
            "fix (this|it)|what'?s going on|why (is|are|does|do|did|has|have|can'?t|won'?t|isn'?t|hasn'?t|haven'?t)",
            "worst|terrible|awful|horrible|useless|rubbish|broken|faulty|damaged|defective|missing|delayed",
            "overcharged|wrong (order|item|size|charge|bill|address)|never (arrived|came|received|showed)",
            "(hasn'?t|didn'?t|did not|has not|still not|not) (arrived|received|delivered|come|turned up|working)",
            "rip.?off|scam|poor service|bad service|no one|nobody");

    private static final Pattern SARCASM = phrases(
            "(great|brilliant|fantastic|perfect|awesome|wonderful|lovely),? (another|more|yet another|again)",
            "thanks? (you )?for nothing|thanks a lot for nothing|cheers for nothing",
            "(love|loving|enjoy|enjoying|adore) (waiting|being (on hold|ignored|charged|cut off)|paying|spending)",
            "(love|just love|gotta love|got to love) (how|it when|that) (you|your|my|i)",
            "so helpful,? not|not\\.? ?$|yeah,? right|oh,? (great|wonderful|perfect|brilliant|joy)",
            "what a (great|fantastic|brilliant|wonderful) (service|experience|job)( again)?[.!]* ?(not|/s)?$",
            "thanks for (the|another) (delay|outage|wait|charge)|/s$");

    /** The signal keys the text (in lower case) shows, in the order of {@link #KEYS}. */
    static List<String> in(String lowerText) {
        return PATTERNS.entrySet().stream()
                .filter(entry -> entry.getValue().matcher(lowerText).find())
                .map(Map.Entry::getKey)
                .toList();
    }

    static boolean complains(String lowerText) {
        return COMPLAINT.matcher(lowerText).find();
    }

    static boolean sarcastic(String lowerText) {
        return SARCASM.matcher(lowerText).find();
    }

    // The phrases live in triage/care_signals.txt, where a care team can read and extend them.
    private static Map<String, Pattern> patterns() {
        var alternatives = new LinkedHashMap<String, List<String>>();
        ResourceLines.read(
                "triage/care_signals.txt",
                '\t',
                (columns, line) -> alternatives
                        .computeIfAbsent(columns[0], key -> new ArrayList<>())
                        .add(columns[1]));
        var patterns = new LinkedHashMap<String, Pattern>();
        alternatives.forEach((key, phrases) -> patterns.put(key, phrases(phrases.toArray(String[]::new))));
        return patterns;
    }

    // Matched against the text in lower case: case-insensitive Unicode matching made reading a
    // message several times slower.
    private static Pattern phrases(String... alternatives) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + String.join("|", alternatives) + ")(?![\\p{L}\\p{N}])");
    }
}
