package org.heard.triage.hours;

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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Service-level policies: targets for first response, next response and resolution, per queue, per
 * channel or by default. Durations are written like 30m, 2h, 1d or PT1H.
 */
@RestController
@RequestMapping("/api/triage/service-levels")
@Tag(name = "Service levels")
class ServiceLevelsApi {

    private final ServiceLevelPolicies policies;

    ServiceLevelsApi(ServiceLevelPolicies policies) {
        this.policies = policies;
    }

    /** A policy as the API shows it. */
    record PolicyView(long id, PolicyForm policy) {
        static PolicyView of(ServiceLevelPolicy policy) {
            return new PolicyView(policy.id(), PolicyForm.of(policy));
        }
    }

    @GetMapping
    @Operation(summary = "All policies; a queue's wins over a channel's, which wins over the default")
    List<PolicyView> all() {
        return policies.all().stream().map(PolicyView::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Operation(summary = "Add a policy for a queue or a channel")
    PolicyView add(@RequestBody PolicyForm form) {
        return PolicyView.of(policies.add(form.policy(0)));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Operation(summary = "Change a policy; running clocks keep the deadlines they started with")
    PolicyView change(@PathVariable long id, @RequestBody PolicyForm form) {
        return PolicyView.of(policies.change(id, form.policy(id)));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Operation(summary = "Remove a queue's or channel's policy; the default stays")
    void remove(@PathVariable long id) {
        policies.remove(id);
    }
}
