package org.heard.triage.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Heard's port of VADER's rules, run with VADER's own lexicon and tokens, gives the compound scores
 * the VADER authors publish for their example sentences (README of cjhutto/vaderSentiment 3.3.2).
 * This is the "plain VADER" Heard's tuning is measured against, so it must be VADER.
 */
class PlainVaderTests {

    static final ValenceScorer vader = new ValenceScorer(Lexicon.vader());

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "VADER is smart, handsome, and funny. | 0.8316",
                "VADER is smart, handsome, and funny! | 0.8439",
                "VADER is very smart, handsome, and funny. | 0.8545",
                "VADER is VERY SMART, handsome, and FUNNY. | 0.9227",
                "VADER is VERY SMART, handsome, and FUNNY!!! | 0.9342",
                "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!! | 0.9469",
                "VADER is not smart, handsome, nor funny. | -0.7424",
                "The book was good. | 0.4404",
                "At least it isn't a horrible book. | 0.431",
                "The book was kind of good. | 0.3832",
                "The plot was good, but the characters are uncompelling and the dialog is not great. | -0.7042",
                "Today SUX! | -0.5461",
                "Today only kinda sux! But I'll get by, lol | 0.5249",
                "Make sure you :) or :D today! | 0.8633",
                "Not bad at all | 0.431",
            })
    void givesThePublishedScores(String sentence, double published) {
        assertThat(ValenceScorer.plainVader(vader, sentence)).isCloseTo(published, within(0.0001));
    }
}
