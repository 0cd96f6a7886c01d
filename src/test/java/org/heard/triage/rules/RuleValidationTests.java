package org.heard.triage.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.heard.triage.rules.RuleSketch.rule;

import java.util.Set;
import org.heard.triage.Urgency;
import org.junit.jupiter.api.Test;

/** A rule is checked when a supervisor saves it, and refused with words they can act on. */
class RuleValidationTests {

    private final RuleValidation validation = new RuleValidation(Set.of("general", "billing")::contains, id -> id == 4);

    @Test
    void aCompleteRuleIsAcceptedAndTidied() {
        var draft = rule("  Refunds  ")
                .words(" Money   back ", "refund", "")
                .hashtags("#Refund")
                .channels("X", "x")
                .tags("Billing")
                .queue("Billing")
                .priority("HIGH")
                .assignee(4)
                .autoReply("  Thanks, we have your message and a person will answer soon.  ")
                .draft();

        var checked = validation.checked(draft);

        assertThat(checked.name()).isEqualTo("Refunds");
        assertThat(checked.conditions().words()).containsExactly("Money back", "refund");
        assertThat(checked.conditions().hashtags()).containsExactly("refund");
        assertThat(checked.conditions().channels()).containsExactly("x");
        assertThat(checked.actions().tags()).containsExactly("billing");
        assertThat(checked.actions().priorityFloor()).isEqualTo(60);
        assertThat(checked.actions().autoReply()).startsWith("Thanks");
    }

    @Test
    void anInvalidPatternIsRefusedWithTheReason() {
        assertThatExceptionOfType(RuleInvalid.class)
                .isThrownBy(() -> validation.checked(
                        rule("Broken").pattern("(a").tags("x").draft()))
                .withMessage("The pattern `(a` is not valid: missing closing ). Heard uses RE2 syntax"
                        + " (no look-around, no back-references). Fix it and save again.");
        assertThatExceptionOfType(RuleInvalid.class)
                .isThrownBy(() -> validation.checked(
                        rule("Echo").pattern("(a)\\1").tags("x").draft()))
                .withMessageContaining("is not valid");
    }

    @Test
    void aRuleWithoutAConditionOrWithoutAnActionIsRefused() {
        assertThatExceptionOfType(RuleInvalid.class)
                .isThrownBy(
                        () -> validation.checked(rule("Everything").tags("all").draft()))
                .withMessageStartingWith("Add at least one condition");
        assertThatExceptionOfType(RuleInvalid.class)
                .isThrownBy(
                        () -> validation.checked(rule("Nothing").words("refund").draft()))
                .withMessageStartingWith("Add at least one action");
        assertThatExceptionOfType(RuleInvalid.class)
                .isThrownBy(() ->
                        validation.checked(rule(" ").words("refund").tags("x").draft()))
                .withMessageStartingWith("Give the rule a name");
    }

    @Test
    void queuesColleaguesAndSignalsMustExist() {
        assertThatExceptionOfType(RuleInvalid.class)
                .isThrownBy(() ->
                        validation.checked(rule("Route").words("a").queue("vip").draft()))
                .withMessage("There is no queue `vip`; pick an existing queue, or create it first.");
        assertThatExceptionOfType(RuleInvalid.class)
                .isThrownBy(() -> validation.checked(
                        rule("Route").words("a").inQueues("vip").tags("x").draft()))
                .withMessageContaining("`vip` is not an existing queue's key");
        assertThatExceptionOfType(RuleInvalid.class)
                .isThrownBy(() -> validation.checked(
                        rule("Hand over").words("a").assignee(99).draft()))
                .withMessage("Nobody who can sign in has the id 99; pick a colleague from the list.");
        assertThatExceptionOfType(RuleInvalid.class)
                .isThrownBy(() -> validation.checked(
                        rule("Money").signals("refnd").tags("x").draft()))
                .withMessageContaining(
                        "The signal `refnd` is not a signal Heard gives; use one of safety, legal, outage, charged-twice, refund,");
    }

    @Test
    void overLongTextsAndUnknownPrioritiesAreRefused() {
        assertThatExceptionOfType(RuleInvalid.class)
                .isThrownBy(() -> validation.checked(rule("Ack")
                        .urgency(Urgency.HIGH)
                        .autoReply("😀".repeat(501))
                        .draft()))
                .withMessage("An automated reply has at most 500 characters; this one has 501. Shorten it and save"
                        + " again.");
        assertThat(validation.checked(rule("Ack")
                        .urgency(Urgency.HIGH)
                        .autoReply("😀".repeat(500))
                        .draft()))
                .isNotNull();
        assertThatExceptionOfType(RuleInvalid.class)
                .isThrownBy(() -> validation.checked(
                        rule("n".repeat(121)).words("a").tags("x").draft()))
                .withMessageContaining("at most 120 characters; this one has 121");
        assertThatExceptionOfType(RuleInvalid.class)
                .isThrownBy(() ->
                        validation.checked(rule("P").words("a").priority("101").draft()))
                .withMessageStartingWith(
                        "Priority is urgent (90), high (60), normal (30) or a number from 0 to 100," + " not `101`");
        assertThatExceptionOfType(RuleInvalid.class)
                .isThrownBy(() -> validation.checked(
                        rule("P").words("w".repeat(101)).tags("x").draft()))
                .withMessageContaining("is longer than 100 characters");
    }

    @Test
    void aRuleBeingTriedMayStillLackANameConditionsAndActionsButNotAValidPattern() {
        assertThat(validation.triable(rule("").draft())).isNotNull();
        assertThatExceptionOfType(RuleInvalid.class)
                .isThrownBy(() -> validation.triable(rule("").pattern("[z-a]").draft()))
                .withMessageContaining("is not valid");
    }
}
