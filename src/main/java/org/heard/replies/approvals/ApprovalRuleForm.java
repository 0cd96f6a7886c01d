package org.heard.replies.approvals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.heard.identity.Role;
import org.heard.platform.Refused;
import org.jspecify.annotations.Nullable;

/**
 * The rule editor's fields as the browser sends them. Queues and terms are typed, separated by commas or new
 * lines; each step is SUPERVISOR, ADMIN, PEOPLE (the colleagues ticked for it) or empty for no such step.
 */
record ApprovalRuleForm(
        @Nullable Long id,
        @Nullable String name,
        @Nullable Boolean enabled,
        @Nullable List<Long> agents,
        @Nullable String queues,
        @Nullable List<String> channels,
        @Nullable Boolean publicOnly,
        @Nullable String terms,
        @Nullable String step1,
        @Nullable List<Long> step1People,
        @Nullable String step2,
        @Nullable List<Long> step2People,
        @Nullable String step3,
        @Nullable List<Long> step3People) {

    static ApprovalRuleForm blank() {
        return new ApprovalRuleForm(
                null,
                "",
                true,
                List.of(),
                "",
                List.of(),
                true,
                "",
                "SUPERVISOR",
                List.of(),
                "",
                List.of(),
                "",
                List.of());
    }

    static ApprovalRuleForm of(ApprovalRule rule) {
        var c = rule.conditions();
        var steps = rule.steps();
        return new ApprovalRuleForm(
                rule.id(),
                rule.name(),
                rule.enabled(),
                c.agents(),
                String.join(", ", c.queues()),
                c.channels(),
                c.publicOnly(),
                String.join(", ", c.terms()),
                kind(steps, 0),
                people(steps, 0),
                kind(steps, 1),
                people(steps, 1),
                kind(steps, 2),
                people(steps, 2));
    }

    ApprovalRuleDraft draft() {
        var steps = new ArrayList<ApprovalStep>();
        step(steps, step1, step1People, 1);
        step(steps, step2, step2People, 2);
        step(steps, step3, step3People, 3);
        return new ApprovalRuleDraft(
                name,
                Boolean.TRUE.equals(enabled),
                new ApprovalConditions(agents, split(queues), channels, Boolean.TRUE.equals(publicOnly), split(terms)),
                steps);
    }

    /** Whether this colleague is ticked for the step (1 to 3). */
    public boolean ticked(int step, long colleagueId) {
        var people = step == 1 ? step1People : step == 2 ? step2People : step3People;
        return people != null && people.contains(colleagueId);
    }

    private static void step(List<ApprovalStep> steps, @Nullable String kind, @Nullable List<Long> people, int n) {
        if (kind == null || kind.isBlank()) {
            return;
        }
        if (kind.equals("PEOPLE") && (people == null || people.isEmpty())) {
            throw new Refused("Tick the colleagues who approve step " + n + ".");
        }
        steps.add(kind.equals("PEOPLE") ? new ApprovalStep(null, people) : new ApprovalStep(role(kind, n), null));
    }

    private static Role role(String kind, int n) {
        try {
            return Role.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new Refused(
                    "Choose who approves step " + n + ": any supervisor, any admin, or the colleagues ticked.");
        }
    }

    private static List<String> split(@Nullable String text) {
        return text == null
                ? List.of()
                : Arrays.stream(text.split("[,\\n]"))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }

    private static String kind(List<ApprovalStep> steps, int i) {
        if (i >= steps.size()) {
            return "";
        }
        return steps.get(i).role() == null ? "PEOPLE" : steps.get(i).role().name();
    }

    private static List<Long> people(List<ApprovalStep> steps, int i) {
        return i < steps.size() ? steps.get(i).approvers() : List.of();
    }
}
