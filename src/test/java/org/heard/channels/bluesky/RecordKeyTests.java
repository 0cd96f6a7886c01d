package org.heard.channels.bluesky;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecordKeyTests {

    /** The TID syntax from atproto.com/specs/tid. */
    private static final String TID = "^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$";

    @Test
    void isAValidTidAndTheSameForEveryTryOfAReply() {
        var first = RecordKey.of("reply-42-7f3c");

        assertThat(first).matches(TID);
        assertThat(RecordKey.of("reply-42-7f3c")).isEqualTo(first);
        assertThat(RecordKey.of("reply-43-7f3c")).matches(TID).isNotEqualTo(first);
    }
}
