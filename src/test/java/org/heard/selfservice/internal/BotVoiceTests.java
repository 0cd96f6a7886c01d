package org.heard.selfservice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BotVoiceTests {

    @Test
    void everyAnswerSaysItIsAutomatedAndOffersAPersonWithinXsLimit() {
        var answer = BotVoice.answer("x".repeat(Command.MAX_ANSWER));

        assertThat(answer).startsWith("Automated answer: ").endsWith("Reply \"human\" to talk to a person.");
        assertThat(answer.length()).isLessThanOrEqualTo(BotVoice.X_LIMIT);
    }

    @Test
    void aLinkSaysItIsOneTimeAndForHowLong() {
        var command = new Command("balance", CommandKind.ACCOUNT, "Your balance is {{balance}}.", null, null, true);

        var text = BotVoice.link(command, "https://heard.example.com/p/link/abc", Duration.ofMinutes(30));

        assertThat(text)
                .startsWith("Automated answer:")
                .contains("one-time link (valid 30 min): https://heard.example.com/p/link/abc")
                .contains("\"human\"");
    }

    @Test
    void helpListsTheCommandsAsFarAsOnePostAllows() {
        assertThat(BotVoice.help(List.of("balance", "refund")))
                .isEqualTo("Automated answer: I answer #balance, #refund. Post one of them, or reply \"human\" to"
                        + " talk to a person.");
        var many = IntStream.range(0, 60).mapToObj(i -> "command" + i).toList();
        var help = BotVoice.help(many);
        assertThat(help.length()).isLessThanOrEqualTo(BotVoice.X_LIMIT);
        assertThat(help).contains("#command0, #command1").contains("…");
    }

    @ParameterizedTest
    @ValueSource(strings = {"human", "HUMAN please", "can I talk to someone", "get me an agent", "a real person!"})
    void aCustomerAskingForAPersonIsHeard(String text) {
        assertThat(BotVoice.asksForPerson(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"thanks!", "ok that's my personal account", "humane", "great, sorted"})
    void otherRepliesAreNotAskingForAPerson(String text) {
        assertThat(BotVoice.asksForPerson(text)).isFalse();
    }
}
