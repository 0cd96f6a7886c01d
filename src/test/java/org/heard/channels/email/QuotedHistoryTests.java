package org.heard.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuotedHistoryTests {

    @Test
    void cutsOutlooksOriginalMessageBlockAndAPhoneFooter() {
        var text = "Thanks, that worked.\r\n\r\nSent from my iPhone\r\n\r\n-----Original Message-----\r\n"
                + "From: Heard Support <support@heard.example>\r\nSubject: RE: Login\r\n\r\nTry again now.";

        assertThat(QuotedHistory.trim(text)).isEqualTo("Thanks, that worked.");
    }

    @Test
    void cutsAGmailAttributionWrappedOverTwoLines() {
        var text =
                "Yes, order 4471.\n\nOn Mon, 23 Nov 2026 at 16:40, Heard Support <\nsupport@heard.example> wrote:\n\n> Which order?";

        assertThat(QuotedHistory.trim(text)).isEqualTo("Yes, order 4471.");
    }

    @Test
    void keepsALineThatOnlyLooksLikeAnAttributionAndAMailThatIsOnlyQuotes() {
        assertThat(QuotedHistory.trim("On Monday the courier wrote:\nit is lost."))
                .isEqualTo("On Monday the courier wrote:\nit is lost.");
        assertThat(QuotedHistory.trim("> forwarded words")).isEqualTo("> forwarded words");
    }
}
