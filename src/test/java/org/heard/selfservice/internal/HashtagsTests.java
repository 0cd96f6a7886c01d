package org.heard.selfservice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.heard.selfservice.internal.Hashtags.Known;
import org.heard.selfservice.internal.Hashtags.Nothing;
import org.heard.selfservice.internal.Hashtags.Unknown;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HashtagsTests {

    private static final List<String> COMMANDS = List.of("balance", "data", "refund", "complaint");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "#balance",
                "@heardbrand #balance",
                "@heardbrand #BALANCE please",
                "what's my #Balance?",
                "hi\n#balance.",
                "(#balance)"
            })
    void aKnownCommandCountsAnywhereInAnyCase(String text) {
        assertThat(Hashtags.read(text, COMMANDS)).isEqualTo(new Known("balance"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "my #balances are fine",
                "email me at me#balance.com",
                "see example.com/#balance",
                "balance",
                "issue ##balance" // a doubled mark is not the command
            })
    void partOfAWordOrAnotherHashtagIsNoCommand(String text) {
        assertThat(Hashtags.read(text, COMMANDS)).isNotInstanceOf(Known.class);
    }

    @Test
    void theFirstKnownCommandWins() {
        assertThat(Hashtags.read("#refund or #balance", COMMANDS)).isEqualTo(new Known("refund"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"#balanse", "@heardbrand #minutes", "@heardbrand #wat?!", "#balanse please", "#refnud now"})
    void aMessageOfJustAnUnknownHashtagOrOneStartingWithACommandsTypoGetsHelp(String text) {
        assertThat(Hashtags.read(text, COMMANDS)).isInstanceOf(Unknown.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "loving the #weekend @heardbrand",
                "@heardbrand loving the #weekend",
                "#weekend vibes with @heardbrand",
                "#tbt to my first phone",
                "no hashtags here at all",
                "#1 fan of your shop"
            })
    void ordinaryPostsWithHashtagsAreLeftAlone(String text) {
        assertThat(Hashtags.read(text, COMMANDS)).isEqualTo(new Nothing());
    }

    @Test
    void typosAreTheSmallEditsBetweenWords() {
        assertThat(Hashtags.distance("balanse", "balance")).isEqualTo(1);
        assertThat(Hashtags.distance("refnud", "refund")).isEqualTo(2);
        assertThat(Hashtags.distance("weekend", "refund")).isGreaterThan(2);
    }
}
