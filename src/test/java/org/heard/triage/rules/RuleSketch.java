package org.heard.triage.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.heard.channels.Visibility;
import org.heard.triage.Sentiment;
import org.heard.triage.Urgency;
import org.jspecify.annotations.Nullable;

/** A rule written the way a test tells it: only what matters to the story, the rest left unset. */
final class RuleSketch {

    private final String name;
    private boolean enabled = true;
    private boolean stop;
    private List<String> channels = List.of();
    private @Nullable Visibility visibility;
    private List<String> words = List.of();
    private @Nullable String pattern;
    private List<String> hashtags = List.of();
    private @Nullable Sentiment sentiment;
    private @Nullable Boolean complaint;
    private @Nullable Urgency urgency;
    private List<String> signals = List.of();
    private List<String> languages = List.of();
    private List<String> queues = List.of();
    private List<String> tags = new ArrayList<>();
    private @Nullable String queue;
    private @Nullable String priority;
    private @Nullable Long assignee;
    private @Nullable String autoReply;

    private RuleSketch(String name) {
        this.name = name;
    }

    static RuleSketch rule(String name) {
        return new RuleSketch(name);
    }

    RuleSketch disabled() {
        enabled = false;
        return this;
    }

    RuleSketch stop() {
        stop = true;
        return this;
    }

    RuleSketch channels(String... values) {
        channels = List.of(values);
        return this;
    }

    RuleSketch visibility(Visibility value) {
        visibility = value;
        return this;
    }

    RuleSketch words(String... values) {
        words = List.of(values);
        return this;
    }

    RuleSketch pattern(String value) {
        pattern = value;
        return this;
    }

    RuleSketch hashtags(String... values) {
        hashtags = List.of(values);
        return this;
    }

    RuleSketch sentiment(Sentiment value) {
        sentiment = value;
        return this;
    }

    RuleSketch complaint(boolean value) {
        complaint = value;
        return this;
    }

    RuleSketch urgency(Urgency value) {
        urgency = value;
        return this;
    }

    RuleSketch signals(String... values) {
        signals = List.of(values);
        return this;
    }

    RuleSketch languages(String... values) {
        languages = List.of(values);
        return this;
    }

    RuleSketch inQueues(String... values) {
        queues = List.of(values);
        return this;
    }

    RuleSketch tags(String... values) {
        tags = List.of(values);
        return this;
    }

    RuleSketch queue(String value) {
        queue = value;
        return this;
    }

    RuleSketch priority(String value) {
        priority = value;
        return this;
    }

    RuleSketch assignee(long value) {
        assignee = value;
        return this;
    }

    RuleSketch autoReply(String value) {
        autoReply = value;
        return this;
    }

    RuleDraft draft() {
        return new RuleDraft(
                name,
                enabled,
                stop,
                new RuleConditions(
                        channels,
                        visibility,
                        words,
                        pattern,
                        hashtags,
                        sentiment,
                        complaint,
                        urgency,
                        signals,
                        languages,
                        queues),
                new RuleActions(tags, queue, priority, assignee, autoReply));
    }

    Rule saved(long id) {
        var draft = draft();
        return new Rule(
                id,
                (int) id,
                draft.name(),
                draft.enabled(),
                draft.stop(),
                draft.conditions(),
                draft.actions(),
                Instant.parse("2026-11-22T10:00:00Z"));
    }
}
