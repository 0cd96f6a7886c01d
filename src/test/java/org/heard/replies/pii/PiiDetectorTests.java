package org.heard.replies.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Year;
import java.util.List;
import org.junit.jupiter.api.Test;

class PiiDetectorTests {

    private final PiiDetector detector =
            new PiiDetector(List.of("\\bAC-\\d{8}\\b"), List.of("GB", "US"), List.of("0800 123 456", "@heard.example"));

    @Test
    void aLuhnValidCardNumberIsFoundWithSpacesDashesOrNone() {
        assertThat(kinds("my card is 4242 4242 4242 4242 thanks")).containsExactly(PiiKind.CARD_NUMBER);
        assertThat(kinds("5555-5555-5555-4444")).containsExactly(PiiKind.CARD_NUMBER);
        assertThat(kinds("card 378282246310005 (amex)")).containsExactly(PiiKind.CARD_NUMBER);
        assertThat(detector.find("is 4242 4242 4242 4242?").getFirst().found()).isEqualTo("4242 4242 4242 4242");
    }

    @Test
    void aLongNumberThatFailsLuhnOrStartsAsNoCardDoesIsNotACard() {
        assertThat(kinds("order 4242 4242 4242 4241 arrived")).doesNotContain(PiiKind.CARD_NUMBER);
        assertThat(kinds("tracking 1234567812345670")).doesNotContain(PiiKind.CARD_NUMBER);
        assertThat(kinds("0000 0000 0000 0000")).doesNotContain(PiiKind.CARD_NUMBER);
        assertThat(kinds("ref 4242424242424242424242")).doesNotContain(PiiKind.CARD_NUMBER);
    }

    @Test
    void luhnAndIbanChecksums() {
        assertThat(PiiPatterns.card("4111111111111111")).isTrue();
        assertThat(PiiPatterns.card("4111111111111112")).isFalse();
        assertThat(PiiPatterns.iban("GB82WEST12345698765432")).isTrue();
        assertThat(PiiPatterns.iban("GB82WEST12345698765433")).isFalse();
    }

    @Test
    void phoneNumbersInInternationalAndNationalFormats() {
        assertThat(kinds("call me on +44 7911 123456")).containsExactly(PiiKind.PHONE_NUMBER);
        assertThat(kinds("my mobile is 07911 123456")).containsExactly(PiiKind.PHONE_NUMBER);
        assertThat(kinds("ring (415) 555-2671 after 5")).containsExactly(PiiKind.PHONE_NUMBER);
        assertThat(kinds("+49 30 901820")).containsExactly(PiiKind.PHONE_NUMBER);
    }

    @Test
    void orderAndTicketNumbersAreNotPhoneNumbers() {
        assertThat(detector.find("Order #4471 is late")).isEmpty();
        assertThat(detector.find("Your order no. 07911123456 ships today")).isEmpty();
        assertThat(detector.find("ticket: 4155552671")).isEmpty();
        assertThat(detector.find("case 4155552671 is closed")).isEmpty();
        assertThat(detector.find("I waited 45 minutes, 3 times")).isEmpty();
    }

    @Test
    void emailAddressesButNotHandles() {
        assertThat(kinds("write to maria.garcia+shop@example.co.uk")).containsExactly(PiiKind.EMAIL_ADDRESS);
        assertThat(detector.find("@heardbrand hello @maria_g")).isEmpty();
    }

    @Test
    void postalAddresses() {
        assertThat(kinds("I live at SW1A 1AA")).containsExactly(PiiKind.POSTAL_ADDRESS);
        assertThat(kinds("postcode m1 1ae")).containsExactly(PiiKind.POSTAL_ADDRESS);
        assertThat(kinds("221B Baker Street")).containsExactly(PiiKind.POSTAL_ADDRESS);
        assertThat(kinds("Springfield, IL 62704")).containsExactly(PiiKind.POSTAL_ADDRESS);
        assertThat(detector.find("the M1 was closed, and my A1 too")).isEmpty();
    }

    @Test
    void datesOfBirthNearBirthWordsOrWithABirthYear() {
        assertThat(kinds("DOB: 03/04/92")).containsExactly(PiiKind.DATE_OF_BIRTH);
        assertThat(kinds("I was born on 12 March 1985")).containsExactly(PiiKind.DATE_OF_BIRTH);
        assertThat(kinds("it's 1985-03-12 on my id")).containsExactly(PiiKind.DATE_OF_BIRTH);
        int thisYear = Year.now().getValue();
        assertThat(detector.find("delivered on 12/03/" + thisYear)).isEmpty();
        assertThat(detector.find("since March 3, " + (thisYear - 1))).isEmpty();
    }

    @Test
    void accountNumbersByTheTeamsPatternAndIbans() {
        assertThat(kinds("account AC-12345678")).containsExactly(PiiKind.ACCOUNT_NUMBER);
        assertThat(kinds("IBAN GB82 WEST 1234 5698 7654 32")).containsExactly(PiiKind.ACCOUNT_NUMBER);
        assertThat(detector.find("GB82 WEST 1234 5698 7654 33"))
                .extracting(PiiFinding::kind)
                .doesNotContain(PiiKind.ACCOUNT_NUMBER);
    }

    @Test
    void theBrandsOwnNumberAndDomainAreAllowed() {
        assertThat(detector.find("Call us free on 0800 123 456 or write to help@heard.example"))
                .isEmpty();
        assertThat(kinds("or write to help@other.example")).containsExactly(PiiKind.EMAIL_ADDRESS);
    }

    @Test
    void findingsAreReportedWithTheirSpansInOrder() {
        var text = "Card 4242 4242 4242 4242, mail me at ana@example.com";
        var findings = detector.find(text);
        assertThat(findings).extracting(PiiFinding::kind).containsExactly(PiiKind.CARD_NUMBER, PiiKind.EMAIL_ADDRESS);
        assertThat(text.substring(findings.get(1).start(), findings.get(1).end()))
                .isEqualTo("ana@example.com");
    }

    @Test
    void maskingKeepsTheLastDigitsAndTheSeparators() {
        var text = "Card 4242 4242 4242 4242, mail ana@example.com, call 07911 123456, DOB 03/04/1992";
        assertThat(PiiDetector.masked(text, detector.find(text)))
                .isEqualTo("Card •••• •••• •••• 4242, mail a•••@example.com, call ••••• •••456, DOB ••/••/••••");
    }

    @Test
    void anInvalidAccountPatternOrRegionIsRefusedWithTheSetting() {
        assertThatThrownBy(() -> new PiiDetector(List.of("(unclosed"), List.of(), List.of()))
                .hasMessageContaining("heard.replies.pii.account-patterns");
        assertThatThrownBy(() -> new PiiDetector(List.of(), List.of("XX"), List.of()))
                .hasMessageContaining("heard.replies.pii.phone-regions");
    }

    private List<PiiKind> kinds(String text) {
        return detector.find(text).stream().map(PiiFinding::kind).toList();
    }
}
