package org.heard.replies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.heard.channels.Visibility;
import org.heard.conversations.ConversationCustomers;
import org.heard.identity.Colleague;
import org.heard.identity.Colleagues;
import org.heard.identity.Role;
import org.heard.replies.composer.SignatureStyle;
import org.junit.jupiter.api.Test;

class ReplyVariablesTests {

    private static final Colleague ANA = new Colleague(7, "Ana Berg", "ana@heard.test", Role.AGENT);

    @Test
    void fillsInWhatHasAValueAndReportsTheRest() {
        var rendered = variables("María García", "maria_g")
                .render("Hi {{ First_Name }}, order {{order}}: {{handle}} {{brand}}", Map.of("first_name", "María"));

        assertThat(rendered.text()).isEqualTo("Hi María, order {{order}}: {{handle}} {{brand}}");
        assertThat(rendered.missing()).containsExactly("handle", "brand");
        assertThat(rendered.unknown()).containsExactly("order");
        assertThat(rendered.complete()).isFalse();
        assertThat(rendered.problem())
                .isEqualTo("{{order}} is not a variable Heard knows: write the words in its place before sending.");
    }

    @Test
    void aValueIsPutInAsWrittenEvenWithDollarsAndBackslashes() {
        var rendered = variables("X", null).render("Refund: {{amount}}", Map.of("amount", "$5 \\o/"));

        assertThat(rendered.text()).isEqualTo("Refund: $5 \\o/");
        assertThat(rendered.complete()).isTrue();
        assertThat(rendered.problem()).isNull();
    }

    @Test
    void theStandardValuesOfAConversation() {
        var values = variables("  María José García 🌻", "maria_g").values(12, ANA.id());

        assertThat(values)
                .containsEntry("first_name", "María")
                .containsEntry("name", "María José García 🌻")
                .containsEntry("handle", "@maria_g")
                .containsEntry("agent_name", "Ana Berg")
                .containsEntry("agent_first_name", "Ana")
                .containsEntry("channel", "x")
                .containsEntry("brand", "Heard Air");
    }

    @Test
    void aProfileShowingOnlyItsHandleHasNoFirstName() {
        var variables = variables("maria_g", "maria_g");

        assertThat(variables.values(12, ANA.id())).doesNotContainKeys("first_name", "name");
        assertThat(variables
                        .render("Hi {{first_name}}", variables.values(12, ANA.id()))
                        .problem())
                .isEqualTo("Fill in {{first_name}} before sending: Heard has no value for it here.");
    }

    @Test
    void unfilledNamesTheVariablesLeftOnce() {
        assertThat(ReplyVariables.unfilled("{{a}} and {{ b }} and {{a}}")).containsExactly("a", "b");
        assertThat(ReplyVariables.unfilled("no braces, {single}")).isEmpty();
    }

    @Test
    void signaturesAreAddedOnceAndCountAsText() {
        assertThat(SignatureStyle.INITIALS.sign("On it!", "Ana Berg")).isEqualTo("On it! ^AB");
        assertThat(SignatureStyle.INITIALS.sign("On it! ^AB", "Ana Berg")).isEqualTo("On it! ^AB");
        assertThat(SignatureStyle.FIRST_NAME.sign("On it!\n", "Ana Berg")).isEqualTo("On it!\n— Ana");
        assertThat(SignatureStyle.FULL_NAME.sign("On it!", "Ana Berg")).isEqualTo("On it!\n— Ana Berg");
        assertThat(SignatureStyle.NONE.sign("On it!", "Ana Berg")).isEqualTo("On it!");
    }

    private static ReplyVariables variables(String displayName, String handle) {
        ConversationCustomers customers = id -> Optional.of(
                new ConversationCustomers.Customer(id, 3, displayName, handle, "x", "heardair", Visibility.PUBLIC));
        var colleagues = new Colleagues() {
            @Override
            public Optional<Colleague> find(long id) {
                return id == ANA.id() ? Optional.of(ANA) : Optional.empty();
            }

            @Override
            public List<Colleague> active() {
                return List.of(ANA);
            }
        };
        return new ReplyVariables(customers, colleagues, "Heard Air");
    }
}
