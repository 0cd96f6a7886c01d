package org.heard.triage.pipeline;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Service-level clocks in business hours, and keeping customers informed while they wait. */
public interface ServiceLevels {

    /**
     * A customer wrote: starts (or keeps) the clocks of the conversation's policy, sends an away reply
     * when the team is closed, and says when a response is now due.
     *
     * @param queue the queue the conversation is in after routing, or {@code null}
     * @return when the team owes the customer a response, or {@code null} when no policy applies
     */
    @Nullable
    Instant customerWrote(TriageSubject subject, @Nullable String queue);
}
