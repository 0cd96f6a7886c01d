package org.heard.replies.approvals;

import java.time.Instant;
import java.util.List;

/** A saved approval rule; the first enabled rule, in order, that a reply matches is the one it waits for. */
public record ApprovalRule(
        long id,
        int position,
        String name,
        boolean enabled,
        ApprovalConditions conditions,
        List<ApprovalStep> steps,
        Instant updatedAt) {}
