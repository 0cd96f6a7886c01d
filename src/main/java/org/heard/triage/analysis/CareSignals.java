package org.heard.triage.analysis;

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
final class CareSignals {

    /** Signals that cannot wait: someone may be hurt, in court, cut off, or out of pocket twice. */
    static final Set<String> URGENT = Set.of("safety", "legal", "outage", "charged-twice");

    private static final Map<String, Pattern> PATTERNS = patterns();

    /** Every signal key, in the order Heard reports them. */
    static final List<String> KEYS = List.copyOf(PATTERNS.keySet());

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

    private CareSignals() {}

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

    private static Map<String, Pattern> patterns() {
        var patterns = new LinkedHashMap<String, Pattern>();
        patterns.put(
                "safety",
                phrases(
                        "caught fire|on fire|fire hazard|burst into flames|flames|smoke|smoking|burn(t|ed|ing|s)|injur\\w*",
                        "(got|was|were|been|i'?m|is) hurt|hurt (me|my|him|her|them|myself|himself|herself)|unsafe",
                        "danger\\w*|gas leak|leaking gas|smells? (of|like) gas|electric(al)? shock|electrocut\\w*|exploded",
                        "explosion|overheat\\w*|sparks?|sparking|choking|hazard\\w*|hospital|bleeding|carbon monoxide|melted"));
        patterns.put(
                "legal",
                phrases(
                        "lawyers?|attorneys?|solicitors?|sue|suing|sued|lawsuit|legal action|court|ombudsman|small claims",
                        "trading standards|consumer rights|class action|regulator",
                        "report(ing)? (you |this )?to (the )?(bbb|fcc|ftc|cfpb|ofcom|ofgem|regulator)"));
        patterns.put(
                "outage",
                phrases(
                        "outage|blackout|power cut|no (signal|service|internet|connection|power|wi-?fi|network|coverage|dial tone)",
                        "(not|isn'?t|aren'?t|stopped|never) working|(doesn'?t|does not|don'?t|won'?t|will not) (work|load|connect|open)",
                        "can'?t (log ?in|login|sign ?in|connect|access|get online|get in|make calls)",
                        "(cannot|unable to|can not) (log ?in|login|sign ?in|connect|access)|keeps? (crashing|dropping)",
                        "(is|are|was|been|went|goes|still|all) down|down (again|since|for|all)|error \\d{3}|service unavailable"));
        patterns.put(
                "charged-twice",
                phrases(
                        "double[- ]?(charged|billed)|(charged|billed|debited|paid) (me |us )?(twice|two times|double|2x)",
                        "charged (me )?again|duplicate (charge|payment|transaction)s?|two (identical )?charges",
                        "taken (my money )?twice|same (order|payment|bill) twice"));
        patterns.put("refund", phrases("refunds?|refunded|refunding|money back|reimburse\\w*|compensation"));
        patterns.put("cancelled", phrases("cancell?ed|cancell?ation|called off"));
        patterns.put(
                "still-waiting",
                phrases(
                        "still (waiting|no|not|haven'?t|hasn'?t|nothing|hearing|on hold)|no (reply|response|answer|update)",
                        "(days|weeks|hours|months) later|(for|over|after|it'?s been|it has been|more than) (\\d+|two|three|four|five|several|many) (days|weeks|hours|months)",
                        "been waiting|waiting (for|since) (over |more than )?(\\d+|a|an|two|three|ages|days|weeks|hours)",
                        "on hold for|(3rd|third|4th|fourth|5th|fifth) time|yet to (hear|receive|get)|heard nothing"));
        patterns.put(
                "repeated-contact",
                phrases(
                        "(asked|told|called|messaged|emailed|contacted|explained|reported|wrote)( you| u)? (before|already|twice)",
                        "already (told|asked|contacted|called|messaged|emailed|explained|reported)",
                        "(contact|call|messag|email|writ|ask|tell|report|explain|chas)\\w* (you |u )?(again|twice|repeatedly)",
                        "(for the|this is the|the) (second|2nd|third|3rd|fourth|4th|fifth|5th|umpteenth|nth) time",
                        "(\\d+|two|three|four|five|several|multiple|many) times (now|already)|how many times|keep (asking|calling|chasing)"));
        patterns.put(
                "cancel-service",
                phrases(
                        "cancel (my|the|our) (account|contract|subscription|service|plan|membership|broadband|policy)",
                        "close my account|switching (to|provider|providers|networks|banks|supplier)|taking my business elsewhere",
                        "port(ing)? my number|terminate (my|the|our) (contract|service|account)|leaving (you|for)|done with you"));
        return patterns;
    }

    // Matched against the text in lower case: case-insensitive Unicode matching made reading a
    // message several times slower.
    private static Pattern phrases(String... alternatives) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + String.join("|", alternatives) + ")(?![\\p{L}\\p{N}])");
    }
}
