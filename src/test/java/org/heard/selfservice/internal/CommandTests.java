package org.heard.selfservice.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.heard.platform.Refused;
import org.junit.jupiter.api.Test;

class CommandTests {

    @Test
    void aTagIsKeptLowerCaseWithoutItsMark() {
        var command = new Command("#Balance", CommandKind.ACCOUNT, " Your balance is {{balance}}. ", null, null, true);

        assertThat(command.tag()).isEqualTo("balance");
        assertThat(command.hashtag()).isEqualTo("#balance");
        assertThat(command.answer()).isEqualTo("Your balance is {{balance}}.");
    }

    @Test
    void aTagThatIsNoHashtagIsRefusedWithTheReason() {
        assertThatThrownBy(() -> new Command("my balance", CommandKind.ANSWER, "Hi", null, null, true))
                .isInstanceOf(Refused.class)
                .hasMessageContaining("2 to 30 letters, digits or underscores");
    }

    @Test
    void anAnswerTooLongForXMarkedAsAutomatedIsRefused() {
        assertThatThrownBy(() -> new Command("refund", CommandKind.ANSWER, "x".repeat(181), null, null, true))
                .hasMessageContaining("181 characters")
                .hasMessageContaining("fits a post on X");
    }

    @Test
    void onlyAnAccountCommandFillsInValues() {
        assertThatThrownBy(() -> new Command("refund", CommandKind.ANSWER, "You get {{amount}}", null, null, true))
                .hasMessageContaining("Only an ACCOUNT command");
        assertThatThrownBy(() -> new Command("data", CommandKind.ACCOUNT, "Left: {{Data Left}}", null, null, true))
                .hasMessageContaining("is not a value name");
    }

    @Test
    void aCaseHasAPriorityBetweenZeroAndAHundredSixtyUnlessSaid() {
        assertThat(new Command("complaint", CommandKind.CASE, "Case opened.", "general", null, true).priority())
                .isEqualTo(60);
        assertThat(new Command("refund", CommandKind.ANSWER, "See our site.", null, 90, true).priority())
                .isNull();
        assertThatThrownBy(() -> new Command("broken", CommandKind.CASE, "Case opened.", null, 101, true))
                .hasMessageContaining("between 0 and 100");
    }

    @Test
    void valuesFillTheAnswerAndAMissingOneIsRefused() {
        var command =
                new Command("data", CommandKind.ACCOUNT, "{{data_left}} left until {{ renews }}.", null, null, true);

        assertThat(command.fill(Map.of("data_left", "3 GB", "renews", "1 May", "other", "x")))
                .isEqualTo("3 GB left until 1 May.");
        assertThatThrownBy(() -> command.fill(Map.of("data_left", "3 GB"))).hasMessageContaining("gave no renews");
    }

    @Test
    void aValueWithDollarSignsIsShownAsItIs() {
        var command = new Command("balance", CommandKind.ACCOUNT, "Balance: {{balance}}", null, null, true);

        assertThat(command.fill(Map.of("balance", "$1.20 \\ $3"))).isEqualTo("Balance: $1.20 \\ $3");
    }
}
