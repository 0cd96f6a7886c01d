package org.heard.replies.broadcasts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.EnumMap;
import java.util.Map;

/**
 * How far a broadcast has got: how many recipients are in each state.
 *
 * @param counts recipients by state; every state is present
 */
public record Progress(Broadcast broadcast, Map<RecipientState, Integer> counts) {

    public Progress {
        var all = new EnumMap<RecipientState, Integer>(RecipientState.class);
        for (var state : RecipientState.values()) {
            all.put(state, counts.getOrDefault(state, 0));
        }
        counts = Map.copyOf(all);
    }

    public int total() {
        return broadcast.total();
    }

    public int count(RecipientState state) {
        return counts.get(state);
    }

    /** Recipients the worker is done with: everyone but the pending ones. */
    @JsonProperty
    public int handled() {
        return total() - count(RecipientState.PENDING);
    }

    /** Replies the networks took. */
    @JsonProperty
    public int sent() {
        return count(RecipientState.SENT);
    }

    /** How far the worker is, in whole percent. */
    @JsonProperty
    public int percent() {
        return total() == 0 ? 100 : (int) Math.floor(handled() * 100.0 / total());
    }
}
