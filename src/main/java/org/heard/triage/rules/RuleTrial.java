package org.heard.triage.rules;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.heard.channels.Visibility;
import org.heard.conversations.ConversationFacts;
import org.heard.conversations.ConversationStatus;
import org.heard.conversations.MessageReceived;
import org.heard.identity.Colleagues;
import org.heard.platform.Refused;
import org.heard.triage.Analysis;
import org.heard.triage.Sentiment;
import org.heard.triage.TextAnalyser;
import org.heard.triage.Urgency;
import org.heard.triage.pipeline.RuleOutcome;
import org.heard.triage.pipeline.TriageSubject;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Tries a rule on a sample message before it is saved: the sample is read by the same analyser and
 * goes through the same matching as a real message, so what the supervisor sees is what will happen.
 */
@Component
class RuleTrial {

    /**
     * A message to try a rule on.
     *
     * @param channel the network it comes from; {@code sandbox} when not said
     * @param visibility public when not said
     * @param queue the queue its conversation is in already, or {@code null} for none
     */
    record Sample(
            @Nullable String text,
            @Nullable String channel,
            @Nullable Visibility visibility,
            @Nullable String queue) {
        Sample {
            text = text == null ? "" : text;
            queue = queue == null || queue.isBlank() ? null : RuleConditions.lower(queue);
            channel = channel == null || channel.isBlank() ? "sandbox" : RuleConditions.lower(channel);
            visibility = visibility == null ? Visibility.PUBLIC : visibility;
        }
    }

    /**
     * What the rule would do with the sample.
     *
     * @param conditions each condition and whether it held
     * @param outcome what would happen; nothing when the rule does not match
     * @param assigneeName the name of the colleague it would hand the conversation to, if any
     */
    record Result(
            boolean matches,
            List<RuleMatcher.Result> conditions,
            Analysis analysis,
            RuleOutcome outcome,
            @Nullable String assigneeName) {}

    private static final Analysis UNREAD = new Analysis(Sentiment.NEUTRAL, 0, false, Urgency.NONE, List.of(), null);
    private static final int SAMPLE_LIMIT = 10_000;

    private final ObjectProvider<TextAnalyser> analyser;
    private final RuleValidation validation;
    private final Colleagues colleagues;

    RuleTrial(ObjectProvider<TextAnalyser> analyser, RuleValidation validation, Colleagues colleagues) {
        this.analyser = analyser;
        this.validation = validation;
        this.colleagues = colleagues;
    }

    /** @throws RuleInvalid when the rule could not be saved as it is, saying why */
    Result run(RuleDraft draft, Sample sample) {
        var rule = validation.triable(draft);
        if (sample.text().length() > SAMPLE_LIMIT) {
            throw new Refused("A sample message has at most " + SAMPLE_LIMIT + " characters.");
        }
        var input = RuleInput.of(subject(sample));
        var matcher = new RuleMatcher(rule.conditions());
        var conditions = matcher.explain(input);
        var tried = new Rule(0, 0, rule.name(), true, rule.stop(), rule.conditions(), rule.actions(), Instant.now());
        var outcome = RuleSet.of(List.of(tried)).apply(input);
        var assignee = outcome.assignee() == null
                ? null
                : colleagues.find(outcome.assignee()).map(c -> c.name()).orElse(null);
        return new Result(!outcome.fired().isEmpty(), conditions, input.analysis(), outcome, assignee);
    }

    /** The sample as the pipeline would hand a real message to the rules: a new conversation. */
    private TriageSubject subject(Sample sample) {
        // Until an analyser is installed, a sample reads as neutral; conditions on the text still work.
        var analysis = analyser.getIfAvailable(() -> text -> UNREAD).analyse(sample.text());
        var now = Instant.now();
        var message =
                new MessageReceived(0, 0, 0, sample.channel(), sample.visibility(), sample.text(), true, now, now);
        var conversation = new ConversationFacts(
                0,
                sample.channel(),
                sample.visibility(),
                ConversationStatus.NEW,
                0,
                null,
                null,
                sample.queue(),
                Set.of(),
                0,
                now,
                null,
                null,
                null);
        return new TriageSubject(message, conversation, analysis, analysis.signals());
    }
}
