package org.heard.selfservice.internal;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The bot's words. Every message says it is automated and offers a person, and fits a post on X (280
 * characters, a link counted as 23), so the same command gets the same answer on every channel.
 */
final class BotVoice {

    static final String PREFIX = "Automated answer: ";
    static final String OFFER = " Reply \"human\" to talk to a person.";
    static final String HANDOVER = "Automated message: a person from our team will reply here.";
    static final int X_LIMIT = 280;

    /** Words that ask for a person rather than the bot. */
    private static final Pattern ASKS_FOR_PERSON = Pattern.compile(
            "\\b(humans?|agents?|persons?|people|operators?|representatives?|real person|someone real"
                    + "|somebody real|(talk|speak|chat) (to|with) (someone|somebody|a person|you))\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private BotVoice() {}

    static String answer(String text) {
        return PREFIX + text + OFFER;
    }

    /** A case was opened: the command's own words say what happens; a person is coming, so nothing is offered. */
    static String caseOpened(String text) {
        return PREFIX + text;
    }

    static String link(Command command, String url, Duration lifetime) {
        return PREFIX + "for your " + command.tag() + ", connect your account privately with this one-time link ("
                + minutes(lifetime) + "): " + url + OFFER;
    }

    static String sentPrivately(Command command) {
        return PREFIX + "we've sent your " + command.tag() + " to you in a private message." + OFFER;
    }

    static String lookupFailed(Command command) {
        return PREFIX + "we can't fetch your " + command.tag()
                + " right now. A person from our team will follow up here.";
    }

    /** The commands there are, as many as fit one post. */
    static String help(List<String> tags) {
        var start = PREFIX + "I answer ";
        var end = ". Post one of them, or reply \"human\" to talk to a person.";
        if (tags.isEmpty()) {
            return PREFIX + "there are no hashtag commands here yet. A person from our team will reply.";
        }
        var listed = new StringBuilder();
        for (var tag : tags) {
            var next = (listed.isEmpty() ? "" : ", ") + "#" + tag;
            if (start.length() + listed.length() + next.length() + end.length() + 2 > X_LIMIT) {
                listed.append(" …");
                break;
            }
            listed.append(next);
        }
        return start + listed + end;
    }

    static boolean asksForPerson(String text) {
        return ASKS_FOR_PERSON.matcher(text).find();
    }

    private static String minutes(Duration lifetime) {
        long minutes = Math.max(1, lifetime.toMinutes());
        return minutes >= 120 && minutes % 60 == 0 ? "valid " + minutes / 60 + " hours" : "valid " + minutes + " min";
    }
}
