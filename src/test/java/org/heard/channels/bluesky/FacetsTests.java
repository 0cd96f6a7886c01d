package org.heard.channels.bluesky;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.heard.channels.SendFailed;
import org.heard.channels.bluesky.BlueskyPayloads.ByteSlice;
import org.heard.channels.bluesky.BlueskyPayloads.Feature;
import org.junit.jupiter.api.Test;

class FacetsTests {

    private static final Facets.Handles NOBODY = handle -> null;

    @Test
    void countsALinkAfterAnEmojiInUtf8Bytes() throws SendFailed {
        var text = "🙏 Tracking: https://parcels.example/track/4471.";

        var facets = Facets.of(text, NOBODY);

        assertThat(facets).hasSize(1);
        var slice = facets.getFirst().index();
        // The emoji is 2 Java chars but 4 UTF-8 bytes: the link starts at byte 15, not at char 13.
        assertThat(slice).isEqualTo(new ByteSlice(15, 15 + "https://parcels.example/track/4471".length()));
        assertThat(utf8(text, slice)).isEqualTo("https://parcels.example/track/4471");
        assertThat(facets.getFirst().features()).containsExactly(Feature.link("https://parcels.example/track/4471"));
    }

    @Test
    void marksAMentionWithTheDidItsHandleResolvesTo() throws SendFailed {
        var text = "Thanks for waiting, café friend @maria-g.bsky.social!";

        var facets = Facets.of(
                text, handle -> handle.equals("maria-g.bsky.social") ? "did:plc:z72i7hdynmk6r22z27h6tvur" : null);

        assertThat(facets).hasSize(1);
        assertThat(utf8(text, facets.getFirst().index())).isEqualTo("@maria-g.bsky.social");
        assertThat(facets.getFirst().features()).containsExactly(Feature.mention("did:plc:z72i7hdynmk6r22z27h6tvur"));
    }

    @Test
    void leavesAHandleThatDoesNotResolveAndAnEmailAddressAsPlainText() throws SendFailed {
        assertThat(Facets.of("Write to care@heard.example or @nobody.invalid", NOBODY))
                .isEmpty();
    }

    @Test
    void ordersMentionsAndLinksAsTheyAppear() throws SendFailed {
        var text = "See https://heard.example/a, @ana.bsky.social";

        var facets = Facets.of(text, handle -> "did:plc:ana");

        assertThat(facets)
                .extracting(f -> utf8(text, f.index()))
                .containsExactly("https://heard.example/a", "@ana.bsky.social");
    }

    private static String utf8(String text, ByteSlice slice) {
        var bytes = text.getBytes(StandardCharsets.UTF_8);
        return new String(Arrays.copyOfRange(bytes, slice.byteStart(), slice.byteEnd()), StandardCharsets.UTF_8);
    }
}
