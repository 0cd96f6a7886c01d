package org.heard.triage.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** How the complaint model's probability overrules the lexicon, and what it reads. */
class ComplaintModelTests {

    final ComplaintModel model = new ComplaintModel(new double[] {2, -1}, -0.5, 0.7, 0.3);

    @Test
    void theLexiconsVerdictStandsUnlessTheModelIsConfidentAgainstIt() {
        assertThat(model.complaint(false, 0.69)).isFalse();
        assertThat(model.complaint(false, 0.7)).isTrue();
        assertThat(model.complaint(true, 0.31)).isTrue();
        assertThat(model.complaint(true, 0.3)).isFalse();
    }

    @Test
    void theProbabilityIsTheLogisticOfTheWeightedFeatures() {
        assertThat(model.probability(new double[] {0.25, 0})).isEqualTo(0.5);
        assertThat(model.probability(new double[] {3, 0})).isGreaterThan(0.99);
        assertThatThrownBy(() -> model.probability(new double[] {1})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theShippedModelReadsASentenceVectorAndTheLexiconsCues() {
        var shipped = ComplaintModel.shipped();

        assertThat(shipped.weights()).hasSize(384 + ComplaintFeatures.CUES);
        assertThat(shipped.lowerAt()).isLessThan(shipped.raiseAt());
    }

    @Test
    void theModelReadsTheWordsNotWhoTheyAreAddressedToAndDeniedTroubleAsFine() {
        assertThat(ComplaintFeatures.modelText("@NorthwireMobile love the #app, nothing is down for me"))
                .isEqualTo("love the app, fine for me");
        assertThat(ComplaintFeatures.modelText("@NorthwireMobile")).isNotBlank();
    }

    @Test
    void theModelWeighsOnlyTextWithWordsInIt() {
        assertThat(ComplaintFeatures.hasWords("still waiting")).isTrue();
        assertThat(ComplaintFeatures.hasWords("@NorthwireMobile 649164 bfc9945a02770b39"))
                .isFalse();
        assertThat(ComplaintFeatures.hasWords("@NorthwireMobile unbelievable!!"))
                .isFalse();
        assertThat(ComplaintFeatures.hasWords("order 4471 #refund")).isTrue();
    }
}
