package org.heard.triage;

import java.util.List;
import org.heard.platform.Refused;
import org.jspecify.annotations.Nullable;

/**
 * Lets another module tell triage that a conversation needs a person more than its messages show: a case a
 * customer opened with {@code #complaint}, a bot handing over. Triage keeps the raised priority as a floor under
 * what the customer's messages say, moves it with the service level as always, and forgets it when the
 * conversation is resolved.
 */
public interface Escalations {

    /** The keys of the team's queues, in the team's order. */
    List<String> queues();

    /**
     * Raises the conversation's priority to at least {@code floor} (0 to 100) with the reason a person reads in
     * the inbox, and puts it in a queue.
     *
     * @param queue the queue's key, or null to leave it where it is
     * @throws Refused when the conversation or the queue does not exist
     */
    void escalate(long conversationId, int floor, String reason, @Nullable String queue);
}
