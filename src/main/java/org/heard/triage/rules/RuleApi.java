package org.heard.triage.rules;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.heard.identity.SignedInUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Supervisors' triage rules for machines: the same rules, order, trial and audit trail as the page.
 * Anyone signed in may read them and try one; only supervisors (and admins) may change them.
 */
@RestController
@RequestMapping("/api/triage/rules")
@Tag(name = "Triage rules")
class RuleApi {

    private static final String SUPERVISOR = "hasRole('SUPERVISOR')";

    private final Rules rules;
    private final RuleEditing editing;
    private final RuleTrial trial;
    private final RuleAudit audit;

    RuleApi(Rules rules, RuleEditing editing, RuleTrial trial, RuleAudit audit) {
        this.rules = rules;
        this.editing = editing;
        this.trial = trial;
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "The rules in the order they run, enabled or not")
    List<Rule> list() {
        return rules.all();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(SUPERVISOR)
    @Operation(summary = "Add a rule at the end of the order; it is checked first and refused with the reason")
    Rule create(@RequestBody RuleDraft draft, @AuthenticationPrincipal SignedInUser me) {
        return editing.create(draft, me.asColleague());
    }

    @PutMapping("/{id}")
    @PreAuthorize(SUPERVISOR)
    @Operation(summary = "Replace a rule's name, switch, conditions and actions; its place in the order stays")
    Rule change(@PathVariable long id, @RequestBody RuleDraft draft, @AuthenticationPrincipal SignedInUser me) {
        return editing.change(id, draft, me.asColleague());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(SUPERVISOR)
    @Operation(summary = "Delete a rule; the audit trail keeps how it read")
    void delete(@PathVariable long id, @AuthenticationPrincipal SignedInUser me) {
        editing.delete(id, me.asColleague());
    }

    @PostMapping("/order")
    @PreAuthorize(SUPERVISOR)
    @Operation(summary = "Put the rules in a new order: the ids of every rule, first to run first")
    List<Rule> order(@RequestBody List<Long> ids, @AuthenticationPrincipal SignedInUser me) {
        return editing.order(ids, me.asColleague());
    }

    @PostMapping("/test")
    @Operation(
            summary = "Try a rule on a sample message without saving it",
            description = "Analyses the sample as a real message would be, and says whether the rule matches,"
                    + " which conditions held and what would happen.")
    RuleTrial.Result test(@RequestBody TrialRequest request) {
        var sample = request.sample() == null ? new RuleTrial.Sample(null, null, null, null) : request.sample();
        return trial.run(request.rule() == null ? emptyDraft() : request.rule(), sample);
    }

    @GetMapping("/audit")
    @Operation(summary = "Who changed the rules, when and how, newest first")
    List<RuleAudit.Entry> audit(@RequestParam(defaultValue = "100") int limit) {
        return audit.recent(limit);
    }

    record TrialRequest(@Nullable RuleDraft rule, RuleTrial.@Nullable Sample sample) {}

    private static RuleDraft emptyDraft() {
        return new RuleDraft(null, null, false, null, null);
    }
}
