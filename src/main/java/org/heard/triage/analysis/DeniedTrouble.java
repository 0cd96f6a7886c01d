package org.heard.triage.analysis;

import java.util.regex.Pattern;

/**
 * Trouble a customer denies is reassurance, not trouble: "nothing is down for me", "no complaints",
 * "never had a parcel go missing", "not a single crash", "wasn't late". The negation and the trouble
 * word it reaches are read as the word "fine", so that neither the outage or complaint patterns nor
 * the trouble word's negative valence see a problem that the customer says is not there. The scope
 * of a negation ends at punctuation, at a conjunction, and at a verb that opens a new clause ("can't
 * believe it's down again" still says it is down), and reaches at most four words.
 */
final class DeniedTrouble {

    private static final String NEGATION = "no|not|never|nothing|none|zero|without|isn'?t|wasn'?t|aren'?t|weren'?t"
            + "|hasn'?t|haven'?t|hadn'?t|didn'?t|doesn'?t|don'?t|won'?t|can'?t|cannot|couldn'?t|not a single|not one";

    // Words naming something wrong, whose denial means all is well.
    private static final String TROUBLE = "down|outages?|problems?|issues?|complaints?|complain|complaining|faults?"
            + "|faulty|bugs?|buggy|crash(?:es|ed|ing)?|delays?|delayed|late|lag|laggy|buffering|missing|go missing"
            + "|lost|wrong|broken|damaged|cold|rude|hassle|fuss|drama|dramas|trouble|hiccups?|glitch(?:es)?"
            + "|errors?|fail(?:ed|ures?)?|disappoint(?:ed|s|ment)?|bad|dropped|drop(?:s|outs?)?|quibbles?|stress";

    // Words that end a negation's reach: conjunctions and verbs that take a clause of their own.
    private static final String SCOPE_END = "and|or|but|so|because|since|until|why|how|when|that|if|for|on|about|of"
            + "|from|over|believe|understand|know|think|see|tell|told|say|said|explain|even|still|again|anymore|yet"
            + "|stop|stops|keep|keeps|fix|fixed|solve|solved|sort|sorted|resolve|resolved|help|care|mention|admit";

    private static final Pattern DENIAL = Pattern.compile(
            "(?<![\\p{L}\\p{N}'])(?:" + NEGATION + ")((?:[ \\t]+(?!(?:" + SCOPE_END + ")\\b)[\\p{L}\\p{N}'’-]+){0,4}?)"
                    + "[ \\t]+(?:" + TROUBLE + ")(?![\\p{L}\\p{N}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    // "Can't thank you enough", "cannot recommend enough": a negation that praises without measure.
    private static final Pattern BEYOND_MEASURE = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:can'?t|cannot|couldn'?t)[ \\t]+((?:[\\p{L}'’]+[ \\t]+){0,2}?[\\p{L}'’]+)[ \\t]+enough",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private DeniedTrouble() {}

    /** The text with each denied trouble read as "fine", and praise beyond measure as "really". */
    static String readAsFine(String text) {
        String praised = BEYOND_MEASURE.matcher(text).replaceAll("really $1");
        return DENIAL.matcher(praised).replaceAll("fine");
    }
}
