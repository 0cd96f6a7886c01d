package org.heard.triage.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.heard.triage.Analysis;
import org.heard.triage.Sentiment;
import org.heard.triage.Urgency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the analyser reads customers' messages: sentiment, complaint, urgency signals and language. */
class SocialTextAnalyserTests {

    static final SocialTextAnalyser analyser = new SocialTextAnalyser(BrandVocabulary::none);

    static Analysis read(String text) {
        return analyser.analyse(text);
    }

    @Test
    void aNegationFlipsWhatTheCustomerFeels() {
        var happy = read("I am happy with the new router");
        var notHappy = read("I am not happy with the new router");

        assertThat(happy.sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(notHappy.sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(read("the app is not bad at all").score()).isPositive();
    }

    @Test
    void capitalsAndExclamationMarksMakeAComplaintStronger() {
        double calm = read("the delivery was bad").score();
        double shouted = read("the delivery was BAD").score();
        double exclaimed = read("the delivery was bad!!!").score();
        double allCaps = read("THE DELIVERY WAS BAD").score();

        assertThat(shouted).isLessThan(calm);
        assertThat(exclaimed).isLessThan(calm);
        assertThat(allCaps).isLessThan(calm);
    }

    @Test
    void aStretchedWordReadsAsTheWordItStretchesWithMoreFeeling() {
        assertThat(read("pleaaase").sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(read("sooo good").score()).isGreaterThan(read("so good").score());
        assertThat(read("the service is baaad").score())
                .isLessThan(read("the service is bad").score());
    }

    @Test
    void emojiAloneCarryTheFeeling() {
        assertThat(read("😡😡😡").sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(read("👎").sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(read("❤️🙏").sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(read("thanks😍").score()).isGreaterThan(read("thanks").score());
        assertThat(read("🤦🏽‍♀️").sentiment()).isEqualTo(Sentiment.NEGATIVE);
    }

    @Test
    void emoticonsAndSlangCountToo() {
        assertThat(read("my parcel is here :)").sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(read("my parcel is late again :(").sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(read("smh @acme").sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(read("£80 for this, what a rip off").sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(read("tbh this is a joke").sentiment()).isEqualTo(Sentiment.NEGATIVE);
    }

    @Test
    void likeIsPraiseOnlyWhenSomeoneLikesSomething() {
        assertThat(read("I like the new app").sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(read("the pizza tasted like cardboard").sentiment()).isNotEqualTo(Sentiment.POSITIVE);
        assertThat(read("on hold for like 3 hours").sentiment()).isNotEqualTo(Sentiment.POSITIVE);
    }

    @Test
    void sayingTheyWillNotComeBackIsNegative() {
        assertThat(read("we will be back").sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(read("we won't be back").sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(read("never going back").sentiment()).isEqualTo(Sentiment.NEGATIVE);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "great, another delay on the 8:15",
                "thanks for nothing",
                "love waiting 3 hours on hold",
                "oh great, the app logged me out again",
            })
    void aSarcasticCueTurnsPraiseIntoTheComplaintItIs(String text) {
        var analysis = read(text);

        assertThat(analysis.sentiment()).isEqualTo(Sentiment.NEGATIVE);
    }

    @Test
    void withoutTheSarcasticCueTheSameWordsArePraise() {
        assertThat(read("great, the train was on time").sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(read("thanks for the quick help").sentiment()).isEqualTo(Sentiment.POSITIVE);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "my broadband is down again | outage | HIGH",
                "I can't log in to the app since this morning | outage | HIGH",
                "no signal in Leeds all day | outage | HIGH",
                "you cancelled my flight without telling me | cancelled | ELEVATED",
                "when do I get my refund? | refund | ELEVATED",
                "I was double charged for one order | charged-twice | HIGH",
                "you charged me twice for the same month | charged-twice | HIGH",
                "the charger caught fire last night | safety | HIGH",
                "there is a gas leak smell after your engineer left | safety | HIGH",
                "my lawyer will hear about this | legal | HIGH",
                "I am taking this to the ombudsman | legal | HIGH",
                "still waiting for the engineer | still-waiting | ELEVATED",
                "days later and still no reply | still-waiting | ELEVATED",
                "I already told you my order number | repeated-contact | ELEVATED",
                "writing for the third time about my order | repeated-contact | ELEVATED",
                "please cancel my account today | cancel-service | ELEVATED",
                "I am switching to another provider | cancel-service | ELEVATED",
            })
    void eachSignalIsNamedAndSetsTheUrgency(String text, String signal, Urgency urgency) {
        var analysis = read(text);

        assertThat(analysis.signals()).contains(signal);
        assertThat(analysis.urgency()).isEqualTo(urgency);
        assertThat(analysis.complaint()).isTrue();
    }

    @Test
    void aStronglyNegativeComplaintWithoutASignalIsElevated() {
        var analysis = read("This is the WORST service I have ever had, absolutely disgusting!!!");

        assertThat(analysis.signals()).isEmpty();
        assertThat(analysis.complaint()).isTrue();
        assertThat(analysis.urgency()).isEqualTo(Urgency.ELEVATED);
    }

    @Test
    void aQuestionOrThanksIsNoComplaint() {
        for (String text : List.of("what time do you open on Sunday?", "thank you so much, all sorted now!")) {
            var analysis = read(text);

            assertThat(analysis.complaint()).as(text).isFalse();
            assertThat(analysis.urgency()).as(text).isEqualTo(Urgency.NONE);
            assertThat(analysis.signals()).as(text).isEmpty();
        }
    }

    @Test
    void aComplaintCanBeAskedPolitely() {
        var analysis = read("why has my parcel not arrived yet?");

        assertThat(analysis.complaint()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "My internet has been down since this morning and nobody answers the phone | en",
                "Mein Internet funktioniert seit gestern nicht mehr, bitte helfen Sie mir | de",
                "Mi pedido llegó roto y nadie me responde desde hace tres días | es",
                "Ma commande est arrivée cassée et personne ne me répond depuis lundi | fr",
            })
    void theLanguageOfASentenceIsNamed(String text, String language) {
        assertThat(read(text).language()).isEqualTo(language);
    }

    @Test
    void aTextTooShortToTellHasNoLanguage() {
        assertThat(read("ok thx").language()).isNull();
        assertThat(read("😡😡😡").language()).isNull();
    }

    @Test
    void emptyAndBlankTextsAreNeutralAndQuiet() {
        for (String text : new String[] {"", "   \n\t ", null}) {
            var analysis = read(text);

            assertThat(analysis.sentiment()).isEqualTo(Sentiment.NEUTRAL);
            assertThat(analysis.complaint()).isFalse();
            assertThat(analysis.urgency()).isEqualTo(Urgency.NONE);
            assertThat(analysis.language()).isNull();
        }
    }

    @Test
    void aMegabyteOfTextIsReadQuicklyFromItsBeginning() {
        String huge = "my phone caught fire and you do nothing. " + "blah ".repeat(210_000);

        long started = System.nanoTime();
        var analysis = read(huge);
        var took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(huge.length()).isGreaterThan(1_000_000);
        assertThat(analysis.signals()).contains("safety");
        assertThat(took).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void binaryNulsAndBrokenSurrogatesAreReadWithoutError() {
        String binary = "refund\u0000\u0001\u0002\uFFFF please \uD83D broken \uDE21 end";
        var bytes = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            bytes.append((char) ((i * 7919) % 65_536));
        }

        assertThat(read(binary).signals()).containsExactly("refund");
        assertThat(read(bytes.toString())).isNotNull();
    }

    @Test
    void mixedScriptsAndEmojiOnlyTextsAreRead() {
        var mixed = read("Привет my order 注文 is late 😡 مرحبا");

        assertThat(mixed.sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(read("🎉🎉🎉").sentiment()).isEqualTo(Sentiment.POSITIVE);
    }

    @Test
    void aSupervisorsBrandTermChangesTheReadingAndRaisesItsSignal() {
        var plain = read("the wifi down in room 12");
        var hotel = new SocialTextAnalyser(() -> BrandVocabulary.of(List.of(
                new BrandTerm("wifi down", -2, "outage", Instant.EPOCH),
                new BrandTerm("Delayed", -3, null, Instant.EPOCH))));

        var withTerms = hotel.analyse("the wifi down in room 12");

        assertThat(plain.signals()).isEmpty();
        assertThat(withTerms.signals()).containsExactly("outage");
        assertThat(withTerms.sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(hotel.analyse("my flight is delayed").score())
                .isLessThan(read("my flight is delayed").score());
    }

    @Test
    void praiseForASortedRefundIsNoComplaintAndNotUrgent() {
        var analysis = read("shoutout to @heardbrand support, sorted my refund in 5 minutes. impressed");

        assertThat(analysis.complaint()).isFalse();
        assertThat(analysis.sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(analysis.urgency()).isEqualTo(Urgency.NONE);
        assertThat(analysis.signals()).isEmpty();
    }

    @Test
    void saying_nothingIsDown_reassuresInsteadOfReportingAnOutage() {
        var analysis = read("love the new app, nothing is down for me");

        assertThat(analysis.complaint()).isFalse();
        assertThat(analysis.signals()).doesNotContain("outage");
        assertThat(analysis.urgency()).isEqualTo(Urgency.NONE);
        assertThat(analysis.sentiment()).isEqualTo(Sentiment.POSITIVE);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "no complaints at all, the order came on time",
                "never had a parcel go missing with you",
                "not a single crash since the update",
                "wasn't late, wasn't cold, wasn't wrong. perfect",
            })
    void troubleTheCustomerDeniesIsNoComplaint(String text) {
        var analysis = read(text);

        assertThat(analysis.complaint()).isFalse();
        assertThat(analysis.sentiment()).isNotEqualTo(Sentiment.NEGATIVE);
    }

    @Test
    void aNegationEndsAtAVerbThatOpensItsOwnClause() {
        assertThat(read("I can't believe the app is down again").signals()).contains("outage");
        assertThat(read("you didn't fix the fault, it's still broken").complaint())
                .isTrue();
    }

    @Test
    void praiseBeyondMeasureIsPraise() {
        var analysis = read("can't thank you enough for today");

        assertThat(analysis.complaint()).isFalse();
        assertThat(analysis.sentiment()).isEqualTo(Sentiment.POSITIVE);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "the outage is fixed and everything's back to normal, thanks for the updates",
                "my parcel arrived this morning, all in one piece",
                "thank you for the quick refund on the cancelled trip",
                "your support refunded my missing item in 2 mins, love that",
            })
    void aResolvedProblemIsNoLongerAComplaint(String text) {
        var analysis = read(text);

        assertThat(analysis.complaint()).isFalse();
        assertThat(analysis.urgency()).isEqualTo(Urgency.NONE);
    }

    @Test
    void whatGoesWrongAfterAResolutionIsStillAComplaint() {
        assertThat(read("the phone arrived with a cracked screen").complaint()).isTrue();
        assertThat(read("they fixed it yesterday but now it's down again").signals())
                .contains("outage");
        assertThat(read("still not fixed after 3 calls").complaint()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "how do I change my address?",
                "can I get a refund on an unused advance ticket?",
                "what's your policy on returning faulty items after 30 days?",
                "is there an outage in Bristol at the moment?",
                "what do I do if my parcel gets lost?",
            })
    void aPlainQuestionIsNoComplaintWhateverItsSubject(String text) {
        var analysis = read(text);

        assertThat(analysis.complaint()).isFalse();
        assertThat(analysis.sentiment()).isEqualTo(Sentiment.NEUTRAL);
        assertThat(analysis.urgency()).isEqualTo(Urgency.NONE);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "why has my parcel not arrived??",
                "where is my refund?",
                "is anyone going to fix my line or not?",
                "can someone please call me back, I've been locked out for 4 days",
            })
    void aQuestionThatAsksForAFixIsAComplaint(String text) {
        assertThat(read(text).complaint()).isTrue();
        assertThat(read(text).sentiment()).isEqualTo(Sentiment.NEGATIVE);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "the checkout page just spins forever",
                "parcel marked delivered but it's not here",
                "my card was declined on your site but the money left my account anyway",
                "still no sign of my order from the 3rd",
                "been waiting since friday for someone to call me back",
                "the save button does nothing",
                "I ordered a grey sofa and got a green one instead of it",
                "the router keeps rebooting itself",
                "my curry arrived cold and half of it spilled",
            })
    void aProblemToldWithoutTroubleWordsIsAComplaint(String text) {
        var analysis = read(text);

        assertThat(analysis.complaint()).isTrue();
        assertThat(analysis.sentiment()).isEqualTo(Sentiment.NEGATIVE);
    }

    @Test
    void aSentenceThatOpensWithCantStatesAProblemItDoesNotAsk() {
        var analysis = read("is the service down? Can't log in since this morning 😞");

        assertThat(analysis.complaint()).isTrue();
        assertThat(analysis.sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(read("can you tell me when the shop opens?").complaint()).isFalse();
    }

    @Test
    void aFallingPriceIsNoOutage() {
        assertThat(read("my renewal price actually went down, pleasant surprise")
                        .signals())
                .doesNotContain("outage");
        assertThat(read("the whole network went down at 9").signals()).contains("outage");
    }
}
