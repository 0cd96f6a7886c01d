package org.heard.replies.approvals;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
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

/** Approval rules for machines. Anyone signed in may read them; supervisors and admins change them. */
@RestController
@RequestMapping("/api/replies/approval-rules")
@Tag(name = "Reply approvals")
class ApprovalRulesApi {

    private static final String SUPERVISOR = "hasRole('SUPERVISOR')";

    private final ApprovalRules rules;

    ApprovalRulesApi(ApprovalRules rules) {
        this.rules = rules;
    }

    @GetMapping
    @Operation(summary = "The approval rules in the order they are tried; a reply waits for the first that matches")
    List<ApprovalRule> list() {
        return rules.all();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(SUPERVISOR)
    @Operation(
            summary = "Add a rule at the end of the order",
            description = "conditions: agents (user ids), queues, channels, publicOnly, terms; all that are set"
                    + " must hold. steps: one to three, each {\"role\": \"SUPERVISOR\" or \"ADMIN\"} or"
                    + " {\"approvers\": [user ids]}.")
    ApprovalRule create(@RequestBody ApprovalRuleDraft draft) {
        return rules.add(draft);
    }

    @PutMapping("/{id}")
    @PreAuthorize(SUPERVISOR)
    @Operation(summary = "Replace a rule's name, switch, conditions and steps; replies already waiting keep theirs")
    ApprovalRule change(@PathVariable long id, @RequestBody ApprovalRuleDraft draft) {
        return rules.change(id, draft);
    }

    @PostMapping("/{id}/move")
    @PreAuthorize(SUPERVISOR)
    @Operation(summary = "Move a rule one place up (step=-1) or down (step=1)")
    List<ApprovalRule> move(@PathVariable long id, @RequestParam int step) {
        rules.move(id, step);
        return rules.all();
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(SUPERVISOR)
    @Operation(summary = "Delete a rule; replies already waiting still wait for their steps")
    void delete(@PathVariable long id) {
        rules.delete(id);
    }
}
