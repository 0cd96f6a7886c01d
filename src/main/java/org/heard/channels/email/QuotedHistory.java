package org.heard.channels.email;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts what a customer's mail client added below their words, where it can be told reliably: the
 * earlier messages it quotes (an "On … wrote:" line followed by {@code >} lines, Outlook's "Original
 * Message" block, {@code >} lines anywhere), a signature after the {@code -- } delimiter (RFC 3676
 * §4.3), and a "Sent from my phone" line at the end. A mail that is nothing but quotes keeps them.
 */
final class QuotedHistory {

    /** The attribution line of common clients, in the languages customers write most. */
    private static final Pattern ATTRIBUTION = Pattern.compile(
            "^(On|Am|Le|El|Il|Op|Em|Den|W dniu)\\s.+(wrote|schrieb|a écrit|escribió|ha scritto|schreef|escreveu|skrev|napisał)\\s*:\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile(
            "^-{2,}\\s*(Original Message|Ursprüngliche Nachricht|Message d'origine|Mensaje original)\\s*-{2,}$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OUTLOOK_SEPARATOR = Pattern.compile("^_{20,}$");
    private static final Pattern SENT_FROM = Pattern.compile(
            "^(Sent from my \\S.*|Get Outlook for \\S.*|Sent from Mail for Windows.*)$", Pattern.CASE_INSENSITIVE);

    private QuotedHistory() {}

    static String trim(String text) {
        var lines = List.of(text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
        var kept = new ArrayList<String>();
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            if (startsHistory(lines, i)) {
                break;
            }
            if (!line.startsWith(">")) {
                kept.add(line);
            }
        }
        while (!kept.isEmpty()
                && (kept.getLast().isBlank()
                        || SENT_FROM.matcher(kept.getLast().strip()).matches())) {
            kept.removeLast();
        }
        var trimmed = String.join("\n", kept).replaceAll("\\n{3,}", "\n\n").strip();
        return trimmed.isEmpty() ? text.strip() : trimmed;
    }

    private static boolean startsHistory(List<String> lines, int i) {
        var line = lines.get(i).strip();
        if (line.equals("--") || lines.get(i).equals("-- ")) {
            return true;
        }
        if (ORIGINAL_MESSAGE.matcher(line).matches()) {
            return true;
        }
        if (OUTLOOK_SEPARATOR.matcher(line).matches() && next(lines, i + 1).startsWith("From:")) {
            return true;
        }
        // Gmail wraps a long attribution over two lines.
        for (int span = 1; span <= 2 && i + span <= lines.size(); span++) {
            var attribution = String.join(" ", lines.subList(i, i + span)).strip();
            if (ATTRIBUTION.matcher(attribution).matches()) {
                var after = next(lines, i + span);
                return after.isEmpty() || after.startsWith(">");
            }
        }
        return false;
    }

    /** The next line that is not blank, or "" at the end. */
    private static String next(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                return lines.get(i).strip();
            }
        }
        return "";
    }
}
