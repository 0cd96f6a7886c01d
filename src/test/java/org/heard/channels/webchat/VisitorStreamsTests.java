package org.heard.channels.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import org.heard.platform.TwoNodes;
import org.junit.jupiter.api.Test;

class VisitorStreamsTests {

    @Test
    void aReplyPushedOnOneNodeReachesTheNodeWhereTheVisitorsWidgetIsOpen() {
        var nodes = TwoNodes.joined();
        var line = new Transcripts.Line(12, Transcripts.Side.TEAM, "Your parcel left today.", Instant.now());
        var pushedToB = new ArrayList<VisitorStreams.Pushed>();
        nodes.get(1).receive("webchat", VisitorStreams.Pushed.class, pushedToB::add);

        nodes.get(0).send("webchat", "shop", new VisitorStreams.Pushed("shop", "v-visitor", line));

        assertThat(pushedToB).containsExactly(new VisitorStreams.Pushed("shop", "v-visitor", line));
    }
}
