package org.heard.triage.priority;

import org.jspecify.annotations.Nullable;

/** What a conversation's priority is made of, as stored between messages. */
record PriorityState(
        Priority needs,
        @Nullable Integer floor,
        @Nullable String floorReason,
        ServiceLevelState serviceLevel,
        @Nullable String serviceWhat) {

    PriorityState withNeeds(Priority needs) {
        return new PriorityState(needs, floor, floorReason, serviceLevel, serviceWhat);
    }

    PriorityState withFloor(int newFloor, String reason) {
        if (floor != null && floor >= newFloor) {
            return this;
        }
        return new PriorityState(needs, newFloor, reason, serviceLevel, serviceWhat);
    }

    PriorityState withServiceLevel(ServiceLevelState level, @Nullable String what) {
        return new PriorityState(needs, floor, floorReason, level, what);
    }

    Priority priority() {
        return Priority.of(needs, floor, floorReason, serviceLevel, serviceWhat);
    }
}
