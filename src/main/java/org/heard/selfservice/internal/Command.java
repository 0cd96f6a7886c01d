package org.heard.selfservice.internal;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.heard.platform.Refused;
import org.jspecify.annotations.Nullable;

/**
 * A hashtag command as supervisors define it. It validates itself, so no command exists that a channel could not
 * send: the answer leaves room for the automated-answer wording within X's 280 characters, and an account answer
 * names only values the lookup can give.
 *
 * @param tag the hashtag without {@code #}, lower-case
 * @param answer what the bot says; for ACCOUNT it may hold {@code {{name}}} values from the lookup
 * @param queue where cases and handovers go, or null to leave them where triage routed them
 * @param priority the least priority of a case (0 to 100); null for commands that open none
 */
public record Command(
        String tag,
        CommandKind kind,
        String answer,
        @Nullable String queue,
        @Nullable Integer priority,
        boolean enabled) {

    /** Leaves room for the automated-answer wording and the values a lookup fills in. */
    public static final int MAX_ANSWER = 180;

    public static final int DEFAULT_CASE_PRIORITY = 60;
    private static final Pattern TAG = Pattern.compile("[a-z][a-z0-9_]{1,29}");
    private static final Pattern VALUE = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}");
    private static final Pattern VALUE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    public Command {
        tag = normalTag(tag);
        if (kind == null) {
            throw new Refused("Choose what #" + tag + " does: ANSWER, ACCOUNT or CASE.");
        }
        answer = answer == null ? "" : answer.strip();
        if (answer.isEmpty()) {
            throw new Refused("Write the answer #" + tag + " gives.");
        }
        if (answer.length() > MAX_ANSWER) {
            throw new Refused("The answer has " + answer.length() + " characters; keep it within " + MAX_ANSWER
                    + " so that, marked as automated, it fits a post on X.");
        }
        var names = values(answer);
        if (kind != CommandKind.ACCOUNT && !names.isEmpty()) {
            throw new Refused("Only an ACCOUNT command can fill in values such as {{"
                    + names.iterator().next() + "}}; make #" + tag + " an ACCOUNT command or remove them.");
        }
        queue = queue == null || queue.isBlank() ? null : queue.strip();
        if (kind == CommandKind.CASE) {
            priority = priority == null ? DEFAULT_CASE_PRIORITY : priority;
            if (priority < 0 || priority > 100) {
                throw new Refused("A case's priority lies between 0 and 100, not " + priority + ".");
            }
        } else {
            priority = null;
        }
    }

    /** The tag as Heard keeps it: without {@code #}, lower-case; or why it cannot be one. */
    public static String normalTag(@Nullable String tag) {
        var normal = tag == null ? "" : tag.strip().replaceFirst("^#", "").toLowerCase(Locale.ROOT);
        if (!TAG.matcher(normal).matches()) {
            throw new Refused("A command is a hashtag of 2 to 30 letters, digits or underscores that"
                    + " starts with a letter, such as #balance; \"" + tag + "\" is not.");
        }
        return normal;
    }

    /** The names of the {@code {{…}}} values an answer asks the lookup for, in order. */
    public static Set<String> values(String answer) {
        var names = new LinkedHashSet<String>();
        var matcher = VALUE.matcher(answer);
        while (matcher.find()) {
            var name = matcher.group(1);
            if (!VALUE_NAME.matcher(name).matches()) {
                throw new Refused("{{" + name + "}} is not a value name; use lower-case letters,"
                        + " digits and underscores, such as {{balance}}.");
            }
            names.add(name);
        }
        return names;
    }

    /**
     * The answer with the lookup's values filled in.
     *
     * @throws AccountSystem.LookupFailed when the lookup gave no value the answer names
     */
    public String fill(java.util.Map<String, String> found) {
        var matcher = VALUE.matcher(answer);
        var filled = new StringBuilder();
        while (matcher.find()) {
            var value = found.get(matcher.group(1));
            if (value == null) {
                throw new AccountSystem.LookupFailed("The lookup gave no " + matcher.group(1) + " for #" + tag + ".");
            }
            matcher.appendReplacement(filled, java.util.regex.Matcher.quoteReplacement(value));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    public String hashtag() {
        return "#" + tag;
    }
}
