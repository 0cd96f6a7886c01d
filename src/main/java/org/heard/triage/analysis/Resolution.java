package org.heard.triage.analysis;

import java.util.regex.Pattern;

/**
 * The latest state of a customer's story. "Sorted my refund in 5 minutes", "the outage is fixed",
 * "my parcel turned up", "thank you for the quick refund": what the customer names before a
 * resolution, or as the thing they thank the company for, is a problem that is over. Only what they
 * say after it ("arrived with a cracked screen", "fixed it, but now it's down again") is still wrong.
 * A resolution word after a negation or "still" ("still not fixed", "hasn't arrived") resolves
 * nothing.
 */
final class Resolution {

    // Done to the problem: what follows, to the end of the clause or a "but", is what was put right
    // ("refunded my missing item", "replaced the broken lamp").
    private static final Pattern PUT_RIGHT = Pattern.compile("(?<![\\p{L}\\p{N}])(?:sorted|sorting|fixed|fixing"
            + "|resolved|resolving|solved|refunded|refunding|replaced|replacing|restored|recovered|found|tracked down"
            + "|tracking down|went back for|came back (?:for|with)|waived|unblocked|unlocked|reconnected|handled|put right"
            + "|made up for|helped|credited|reimbursed|paid out|settled)(?![\\p{L}\\p{N}])(?:(?! but )[^,.;!?])*");

    // A state reached: only what follows it is still wrong ("arrived with a cracked screen").
    private static final Pattern REACHED = Pattern.compile("(?<![\\p{L}\\p{N}])(?:back (?:on|online|up|to normal)"
            + "|working (?:again|now|perfectly|fine)|works (?:now|again|perfectly|fine)|all good|turned up|showed up"
            + "|arrived|came through|got (?:my|it|the|them)(?: \\w+){0,3} back|(?:is|are|was|were|it'?s) back|approved)"
            + "(?![\\p{L}\\p{N}])");

    // The object of someone's thanks, to the end of its clause: "thanks for the quick refund".
    private static final Pattern THANKED = Pattern.compile("(?<![\\p{L}\\p{N}])(?:(?:thanks?|thank (?:you|u)|cheers"
            + "|kudos|shout ?out|hats off)(?: (?:so|very) much)?(?: again)? (?:for|to)|appreciated?|appreciate"
            + "|grateful for)[^,.;!?]*");

    private static final Pattern UNDONE =
            Pattern.compile("(?:no|not|never|n't|nt|still|yet|be|been|being|get|getting|nobody|no one)(?: \\S+)?\\s*$");

    private Resolution() {}

    private static int lastDone(Pattern resolution, String text) {
        var resolved = resolution.matcher(text);
        int after = 0;
        while (resolved.find()) {
            String before = text.substring(Math.max(0, resolved.start() - 20), resolved.start());
            if (!UNDONE.matcher(before).find()) {
                after = resolved.end();
            }
        }
        return after;
    }

    /**
     * The part of the text (in lower case) that still describes the customer's situation: what follows
     * the last resolution, with whatever they thank the company for left out.
     */
    static String unresolvedPart(String lowerText) {
        String text = THANKED.matcher(lowerText).replaceAll(" ");
        int after = Math.max(lastDone(PUT_RIGHT, text), lastDone(REACHED, text));
        return text.substring(after);
    }
}
