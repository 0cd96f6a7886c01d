package org.heard.conversations.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Instant;
import org.heard.channels.Visibility;
import org.heard.platform.Refused;
import org.junit.jupiter.api.Test;

class InboxFilterTests {

    @Test
    void defaultsToEverythingNotResolved() {
        var filter = InboxFilter.defaults();

        assertThat(filter.status()).isEqualTo("open");
        assertThat(filter.assignee()).isEqualTo("any");
        assertThat(filter.visibility()).isEqualTo("any");
        assertThat(filter.channel()).isEqualTo("any");
    }

    @Test
    void readsFiltersWhateverTheirCase() {
        var filter = new InboxFilter("Pending", "MINE", "Private", "Sandbox");

        assertThat(filter).isEqualTo(new InboxFilter("pending", "mine", "private", "sandbox"));
    }

    @Test
    void refusesAnUnknownFilterAndSaysWhichAreKnown() {
        assertThatExceptionOfType(FilterUnknown.class)
                .isThrownBy(() -> new InboxFilter("urgent", null, null, null))
                .withMessageContaining("'urgent'")
                .withMessageContaining("open, new, pending, resolved, all");
    }

    @Test
    void aSearchIsKeptInTheFilterLinksAndABlankOneIsNoSearch() {
        var filter = new InboxFilter("all", null, null, null, null, "  \"charged twice\" & refund ");

        assertThat(filter.searching()).isTrue();
        assertThat(filter.query()).endsWith("&q=%22charged+twice%22+%26+refund");
        assertThat(filter.with("status", "open")).contains("status=open").endsWith("&q=%22charged+twice%22+%26+refund");
        assertThat(filter.with("q", " ")).doesNotContain("q=");
        assertThat(new InboxFilter(null, null, null, null, null, " ").searching())
                .isFalse();
    }

    @Test
    void oneCustomersConversationsAreAFilterThatLinksKeepAndOneLinkTakesOff() {
        var filter = new InboxFilter("all", null, null, null, null, null, 42L);

        assertThat(filter.narrowed()).isTrue();
        assertThat(filter.everythingOpen()).isFalse();
        assertThat(filter.query()).endsWith("&contact=42");
        assertThat(filter.with("status", "open")).contains("status=open").endsWith("&contact=42");
        assertThat(filter.with("contact", "")).doesNotContain("contact=");
        assertThat(new InboxFilter("all", null, null, null, null, null).contact())
                .isNull();
    }

    @Test
    void refusesASearchLongerThanAnyoneTypes() {
        assertThatExceptionOfType(Refused.class)
                .isThrownBy(() -> new InboxFilter(null, null, null, null, null, "word ".repeat(41)))
                .withMessageContaining("at most 200 characters");
    }

    @Test
    void aCursorSurvivesTheRoundTripToMicrosecondPrecision() {
        var cursor = new InboxQueries.Cursor(3, Instant.parse("2026-11-23T10:15:30.123456Z"), 991);

        assertThat(InboxQueries.Cursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void aCursorHeardDidNotGiveOutIsRefused() {
        assertThatExceptionOfType(Refused.class)
                .isThrownBy(() -> InboxQueries.Cursor.decode("bm90LWEtY3Vyc29y"))
                .withMessageContaining("not one Heard gave out");
    }

    @Test
    void aBlankReplyCannotExist() {
        assertThatExceptionOfType(Refused.class)
                .isThrownBy(() -> new ReplyDraft("   ", Visibility.PUBLIC))
                .withMessageContaining("Write a reply");
        assertThat(new ReplyDraft("  thanks!  ", Visibility.PRIVATE).text()).isEqualTo("thanks!");
    }
}
