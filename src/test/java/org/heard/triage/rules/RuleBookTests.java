package org.heard.triage.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.heard.triage.rules.RuleMessages.CALM;
import static org.heard.triage.rules.RuleMessages.message;
import static org.heard.triage.rules.RuleMessages.publicPost;
import static org.heard.triage.rules.RuleSketch.rule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.heard.channels.Visibility;
import org.heard.triage.Analysis;
import org.heard.triage.Sentiment;
import org.heard.triage.Urgency;
import org.heard.triage.pipeline.RuleOutcome;
import org.heard.triage.pipeline.TriageSubject;
import org.junit.jupiter.api.Test;

/** The rule book as the pipeline sees it: enabled rules, in order, adding up for one message. */
class RuleBookTests {

    private static final Analysis ANGRY_OUTAGE =
            new Analysis(Sentiment.NEGATIVE, -0.8, true, Urgency.HIGH, List.of("outage"), "de");

    @Test
    void matchingRulesAddUpTagsAndTheHighestFloorWhileTheFirstRuleToRouteWins() {
        var book = book(
                rule("Refunds to billing")
                        .words("refund")
                        .tags("money")
                        .queue("billing")
                        .priority("normal"),
                rule("Angry customers")
                        .sentiment(Sentiment.NEGATIVE)
                        .tags("upset")
                        .queue("care")
                        .priority("high"),
                rule("Never matches").channels("telegram").tags("telegram"));

        var outcome =
                apply(book, message("x", Visibility.PUBLIC, "Where is my REFUND?", ANGRY_OUTAGE, List.of(), null));

        assertThat(outcome.fired()).containsExactly("Refunds to billing", "Angry customers");
        assertThat(outcome.tags()).containsExactlyInAnyOrder("money", "upset");
        assertThat(outcome.queue()).isEqualTo("billing");
        assertThat(outcome.priorityFloor()).isEqualTo(60);
    }

    @Test
    void aRuleThatSaysStopKeepsLaterRulesFromRunningAndDisabledRulesNeverRun() {
        var book = book(
                rule("Switched off").words("outage").tags("off").disabled(),
                rule("Outage desk")
                        .signals("outage")
                        .queue("incidents")
                        .assignee(4)
                        .stop(),
                rule("Everything public")
                        .visibility(Visibility.PUBLIC)
                        .tags("public")
                        .priority("urgent"));

        var outcome = apply(book, message("x", Visibility.PUBLIC, "Is it down?", ANGRY_OUTAGE, List.of(), null));

        assertThat(outcome.fired()).containsExactly("Outage desk");
        assertThat(outcome.tags()).isEmpty();
        assertThat(outcome.assignee()).isEqualTo(4L);
        assertThat(outcome.priorityFloor()).isNull();
    }

    @Test
    void wordsAreFoundAsWholeWordsOrPhrasesWhateverTheirCase() {
        var book = book(rule("Late").words("running late", "late"));

        assertThat(apply(book, publicPost("Courier is Running LATE again!")).fired())
                .containsExactly("Late");
        assertThat(apply(book, publicPost("Chocolate arrived melted")).fired()).isEmpty();
    }

    @Test
    void everyConditionOfARuleMustHold() {
        var book = book(rule("German outages on X")
                .channels("x")
                .visibility(Visibility.PUBLIC)
                .pattern("st(ö|oe)rung|down")
                .hashtags("#Help")
                .complaint(true)
                .urgency(Urgency.ELEVATED)
                .languages("de")
                .signals("outage", "refund")
                .tags("incident"));
        var text = "Seit einer Stunde Störung! #help";

        assertThat(apply(book, message("x", Visibility.PUBLIC, text, ANGRY_OUTAGE, List.of(), null))
                        .tags())
                .containsExactly("incident");
        assertThat(apply(book, message("x", Visibility.PRIVATE, text, ANGRY_OUTAGE, List.of(), null))
                        .fired())
                .isEmpty();
        assertThat(apply(
                                book,
                                message(
                                        "x",
                                        Visibility.PUBLIC,
                                        "Seit einer Stunde Störung!",
                                        ANGRY_OUTAGE,
                                        List.of(),
                                        null))
                        .fired())
                .isEmpty();
        assertThat(apply(book, message("x", Visibility.PUBLIC, text, CALM, List.of(), null))
                        .fired())
                .isEmpty();
    }

    @Test
    void signalsFromTheCustomersHistoryAndTheConversationsQueueCount() {
        var book = book(rule("Second time in billing")
                .signals("repeated-contact")
                .inQueues("billing")
                .priority("75"));

        var again = message("whatsapp", Visibility.PRIVATE, "Hello?", CALM, List.of("repeated-contact"), "billing");
        var elsewhere = message("whatsapp", Visibility.PRIVATE, "Hello?", CALM, List.of("repeated-contact"), "general");

        assertThat(apply(book, again).priorityFloor()).isEqualTo(75);
        assertThat(apply(book, elsewhere)).isEqualTo(RuleOutcome.NONE);
    }

    @Test
    void aHostileMessageCannotStallAPatternAndABrokenRuleIsSkippedNotTheMessage() {
        var broken = new Rule(
                1,
                0,
                "Saved long ago",
                true,
                false,
                rule("x").pattern("(a").draft().conditions(),
                rule("x").tags("old").draft().actions(),
                Instant.now());
        var book = RuleSet.of(List.of(
                broken,
                rule("Backtracking trap").pattern("^(a+)+$").tags("trap").saved(2)));
        var hostile = publicPost("a".repeat(50_000) + "!");

        var started = System.nanoTime();
        var outcome = apply(book, hostile);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(outcome).isEqualTo(RuleOutcome.NONE);
        assertThat(apply(book, publicPost("aaaa")).tags()).containsExactly("trap");
    }

    @Test
    void theRuleBookInForceNeverThrowsEvenWhenItsRulesCannotBeRead() {
        var unreadable = new Rules(null, null) {
            @Override
            List<Rule> all() {
                throw new IllegalStateException("database gone");
            }
        };
        var audit = new RuleAudit(null, null) {
            @Override
            long version() {
                return 1;
            }
        };
        var engine = new RuleEngine(unreadable, audit);

        assertThatCode(() -> assertThat(engine.apply(publicPost("help"))).isEqualTo(RuleOutcome.NONE))
                .doesNotThrowAnyException();
    }

    @Test
    void theRuleBookInForceReadsTheRulesOnceAndAgainOnlyAfterAChange() {
        var reads = new int[1];
        var stored = new Rules(null, null) {
            @Override
            List<Rule> all() {
                reads[0]++;
                return List.of(rule("Help").hashtags("help").tags("asked").saved(1));
            }
        };
        var audit = new RuleAudit(null, null) {
            @Override
            long version() {
                return 1;
            }
        };
        var engine = new RuleEngine(stored, audit);

        for (int i = 0; i < 5; i++) {
            assertThat(engine.apply(publicPost("#help please")).tags()).containsExactly("asked");
        }
        engine.refreshIfChangedElsewhere();
        assertThat(reads[0]).isEqualTo(1);

        engine.on(new RulesChanged());
        assertThat(reads[0]).isEqualTo(2);
    }

    private static RuleSet book(RuleSketch... rules) {
        var saved = new java.util.ArrayList<Rule>();
        for (int i = 0; i < rules.length; i++) {
            saved.add(rules[i].saved(i + 1));
        }
        return RuleSet.of(saved);
    }

    private static RuleOutcome apply(RuleSet book, TriageSubject subject) {
        return book.apply(RuleInput.of(subject));
    }
}
