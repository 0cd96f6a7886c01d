package org.heard.replies.pii;

import java.util.List;
import java.util.stream.Collectors;
import org.heard.channels.Channels;
import org.heard.channels.Visibility;
import org.heard.conversations.ReplyAttempt;
import org.heard.conversations.ReplyCheck;
import org.heard.conversations.ReplyVerdict;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Refuses a public reply that shows personal data, before anything is stored or sent, and says whether the same
 * reply may go privately instead. Private replies are not looked at: private is where such data belongs.
 */
@Component
public class PiiGuard implements ReplyCheck {

    private final PiiDetector detector;
    private final Channels channels;

    PiiGuard(PiiDetector detector, Channels channels) {
        this.detector = detector;
        this.channels = channels;
    }

    @Override
    public ReplyVerdict check(ReplyAttempt attempt) {
        var problem = problem(
                attempt.text(),
                attempt.visibility(),
                attempt.conversationVisibility(),
                attempt.channel(),
                attempt.account());
        return problem == null ? ReplyVerdict.SEND : new ReplyVerdict.Refuse(problem.reason(), problem.privately());
    }

    /**
     * Why a reply may not go out as it is, or null when it may: only a public reply is looked at.
     *
     * @param conversationVisibility whether the conversation is a public thread, which may be answered privately
     */
    public @Nullable Problem problem(
            String text, Visibility visibility, Visibility conversationVisibility, String channel, String account) {
        if (visibility != Visibility.PUBLIC) {
            return null;
        }
        var findings = detector.find(text);
        if (findings.isEmpty()) {
            return null;
        }
        boolean privately = conversationVisibility == Visibility.PUBLIC
                && channels.rules(channel, account).privateReplyToPublicPost();
        return new Problem(reason(findings, privately, channel), privately, findings);
    }

    /**
     * @param privately whether the same reply may go privately instead
     */
    public record Problem(String reason, boolean privately, List<PiiFinding> findings) {}

    /** "This public reply shows a payment card number (•••• 4242): anyone can read it. …" */
    static String reason(List<PiiFinding> findings, boolean privately, String channel) {
        return "This public reply shows " + listed(findings) + ": anyone can read it. "
                + (privately
                        ? "Take it out, or reply privately instead."
                        : "Take it out; " + channel + " does not let you reply privately here.");
    }

    static String listed(List<PiiFinding> findings) {
        var parts = findings.stream()
                .map(f -> f.kind().words() + " (" + f.masked() + ")")
                .distinct()
                .toList();
        if (parts.size() == 1) {
            return parts.getFirst();
        }
        return parts.subList(0, parts.size() - 1).stream().collect(Collectors.joining(", ")) + " and "
                + parts.getLast();
    }
}
