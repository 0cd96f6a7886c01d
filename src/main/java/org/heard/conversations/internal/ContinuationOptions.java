package org.heard.conversations.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a conversation can go on, and where it cannot with the reason why: privately on the same
 * network first, then each other profile linked to the customer.
 */
public record ContinuationOptions(long conversationId, List<Option> options) {

    /**
     * One place to go on.
     *
     * @param identityId the profile, or {@code null} for privately with the same profile
     * @param label what an agent reads, such as "Privately on sandbox" or "On email, ana@example.com"
     * @param account the account Heard would write from, when there is one
     * @param reason why it is not possible, when it is not
     * @param defaultNote what the customer would read where the conversation was; the agent may edit it
     * @param textRequired whether a first private message must go with it
     */
    public record Option(
            @Nullable Long identityId,
            String channel,
            String label,
            @Nullable String account,
            boolean possible,
            @Nullable String reason,
            String defaultNote,
            boolean textRequired) {

        /** The value a form sends for this option: "private" or the profile's id. */
        public String target() {
            return identityId == null ? "private" : identityId.toString();
        }
    }

    public boolean anyPossible() {
        return options.stream().anyMatch(Option::possible);
    }

    /** The option a form starts with: the first possible one. */
    public String firstPossible() {
        return options.stream()
                .filter(Option::possible)
                .map(Option::target)
                .findFirst()
                .orElse("");
    }

    /** The note a form starts with for this option. */
    public String defaultNote(String target) {
        return options.stream()
                .filter(o -> o.target().equals(target))
                .map(Option::defaultNote)
                .findFirst()
                .orElse("");
    }

    /** Why the conversation cannot go on privately on its own network, if it cannot. */
    public @Nullable String privatelyImpossibleBecause() {
        return options.stream()
                .filter(o -> o.identityId() == null && !o.possible())
                .map(Option::reason)
                .findFirst()
                .orElse(null);
    }
}
