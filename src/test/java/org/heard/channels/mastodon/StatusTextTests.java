package org.heard.channels.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatusTextTests {

    @Test
    void readsAMentionAsItsHandleAndDecodesEntities() {
        var html = "<p><span class=\"h-card\" translate=\"no\"><a href=\"https://mastodon.social/@heardbrand\""
                + " class=\"u-url mention\">@<span>heardbrand</span></a></span> late &amp; lost &lt;3 days&gt;</p>";

        assertThat(StatusText.of(html)).isEqualTo("@heardbrand late & lost <3 days>");
    }

    @Test
    void keepsTheWholeAddressOfALinkMastodonShortensOnScreen() {
        var html = "<p>Tracking: <a href=\"https://parcels.example/track/4471-ABCDEFGHIJKLMNOP\" rel=\"nofollow\">"
                + "<span class=\"invisible\">https://</span><span class=\"ellipsis\">parcels.example/track/4471-ABC</span>"
                + "<span class=\"invisible\">DEFGHIJKLMNOP</span></a></p>";

        assertThat(StatusText.of(html)).isEqualTo("Tracking: https://parcels.example/track/4471-ABCDEFGHIJKLMNOP");
    }

    @Test
    void turnsParagraphsAndLineBreaksIntoLines() {
        var html = "<p>First line<br>second line<br />third</p><p>New paragraph</p>";

        assertThat(StatusText.of(html)).isEqualTo("First line\nsecond line\nthird\n\nNew paragraph");
    }

    @Test
    void leavesNoMarkupOrScriptBehind() {
        var html = "<p>hi <script>alert(1)</script><img src=x onerror=alert(2)><b>there</b></p>";

        assertThat(StatusText.of(html))
                .doesNotContain("<", ">")
                .startsWith("hi ")
                .endsWith("there");
    }

    @Test
    void dropsTheQuoteLinkMastodonHidesInItsOwnApp() {
        var html =
                "<p class=\"quote-inline\">RE: <a href=\"https://mastodon.example/@a/1\">mastodon.example/@a/1</a></p>"
                        + "<p>Is this still true?</p>";

        assertThat(StatusText.of(html)).isEqualTo("Is this still true?");
    }
}
