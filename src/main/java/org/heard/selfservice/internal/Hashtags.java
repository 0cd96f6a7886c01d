package org.heard.selfservice.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds a command in what a customer wrote.
 *
 * <p>A known command counts anywhere in the text, in any case, as a whole hashtag: {@code #Balance?} is
 * {@code #balance}, {@code #balances} is not. An unknown hashtag is read as a failed attempt at a command, and
 * answered with the list of commands, only when the message is nothing but that hashtag (mentions and punctuation
 * aside, as in "@heardbrand #balanse"), or when it starts with a hashtag one or two letters away from a command
 * ("#balanse please"). Ordinary posts that happen to carry hashtags ("loving the #weekend") are left alone.
 */
final class Hashtags {

    private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_&/#])#([\\p{L}\\p{N}_]+)");
    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_])@[\\p{L}\\p{N}_.]+");
    private static final Pattern LEADING_HASHTAG = Pattern.compile("^#([\\p{L}\\p{N}_]+)");
    private static final Pattern ONLY_HASHTAG = Pattern.compile("^#([\\p{L}\\p{N}_]+)[\\p{P}\\s]*$");

    private Hashtags() {}

    /** What a message asks of the bot. */
    sealed interface Found {}

    /** A command the team defined, by its tag. */
    record Known(String tag) implements Found {}

    /** An attempt at a command that is not one. */
    record Unknown(String tag) implements Found {}

    /** Nothing for the bot. */
    record Nothing() implements Found {}

    static Found read(String text, Collection<String> commands) {
        var matcher = HASHTAG.matcher(text);
        while (matcher.find()) {
            var tag = matcher.group(1).toLowerCase(Locale.ROOT);
            if (commands.contains(tag)) {
                return new Known(tag);
            }
        }
        var unknown = attempt(text, commands);
        return unknown == null ? new Nothing() : new Unknown(unknown);
    }

    private static @Nullable String attempt(String text, Collection<String> commands) {
        var rest = MENTION.matcher(text).replaceAll(" ").strip();
        var only = ONLY_HASHTAG.matcher(rest);
        if (only.matches()) {
            return only.group(1).toLowerCase(Locale.ROOT);
        }
        var leading = LEADING_HASHTAG.matcher(rest);
        if (leading.find()) {
            var tag = leading.group(1).toLowerCase(Locale.ROOT);
            if (commands.stream().anyMatch(command -> distance(tag, command) <= 2)) {
                return tag;
            }
        }
        return null;
    }

    /** Levenshtein distance, for telling a typo of a command from another hashtag. */
    static int distance(String a, String b) {
        var previous = new int[b.length() + 1];
        var current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            var swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
