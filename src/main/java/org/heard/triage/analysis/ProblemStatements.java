package org.heard.triage.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How customers say something is wrong without a word that sounds wrong: "the checkout page just
 * spins forever", "marked delivered but it's not here", "declined but the money left my account",
 * "still no refund", "nobody came". Each kind is a group of English phrases in
 * {@code triage/problem_statements.txt}, where a care team can read and extend them.
 */
final class ProblemStatements {

    private static final Map<String, Pattern> KINDS = kinds();

    private ProblemStatements() {}

    /** The kinds of problem statement the text (in lower case) makes, in the file's order. */
    static List<String> in(String lowerText) {
        return KINDS.entrySet().stream()
                .filter(kind -> kind.getValue().matcher(lowerText).find())
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The phrases of one kind, such as {@code complaint-question}. */
    static Pattern of(String kind) {
        return KINDS.get(kind);
    }

    private static Map<String, Pattern> kinds() {
        var alternatives = new LinkedHashMap<String, List<String>>();
        ResourceLines.read(
                "triage/problem_statements.txt",
                '\t',
                (columns, line) -> alternatives
                        .computeIfAbsent(columns[0], key -> new ArrayList<>())
                        .add(columns[1]));
        var kinds = new LinkedHashMap<String, Pattern>();
        alternatives.forEach((kind, phrases) -> kinds.put(
                kind, Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + String.join("|", phrases) + ")(?![\\p{L}\\p{N}])")));
        return kinds;
    }
}
