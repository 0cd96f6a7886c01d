package org.heard.triage.hours;

import java.util.Locale;
import org.heard.platform.Refused;
import org.jspecify.annotations.Nullable;

/**
 * A service-level policy as the page and the API send it: durations as text ("1h", "PT30M"), scope
 * as a word. Turns into a checked {@link ServiceLevelPolicy} or says what is wrong.
 */
record PolicyForm(
        @Nullable String name,
        @Nullable String scope,
        @Nullable String scopeValue,
        @Nullable String firstResponse,
        @Nullable String nextResponse,
        @Nullable String resolution,
        @Nullable Boolean businessHours,
        @Nullable Integer warnAtPercent,
        @Nullable String warnBefore) {

    ServiceLevelPolicy policy(long id) {
        return new ServiceLevelPolicy(
                id,
                name == null ? "" : name,
                parsedScope(),
                scopeValue,
                DurationText.parse(firstResponse, "firstResponse"),
                DurationText.parse(nextResponse, "nextResponse"),
                DurationText.parse(resolution, "resolution"),
                businessHours == null || businessHours,
                warnAtPercent,
                DurationText.parse(warnBefore, "warnBefore"));
    }

    static PolicyForm of(ServiceLevelPolicy policy) {
        return new PolicyForm(
                policy.name(),
                policy.scope().name(),
                policy.scopeValue(),
                DurationText.format(policy.firstResponse()),
                DurationText.format(policy.nextResponse()),
                DurationText.format(policy.resolution()),
                policy.businessHours(),
                policy.warnAtPercent(),
                DurationText.format(policy.warnBefore()));
    }

    private ServiceLevelPolicy.Scope parsedScope() {
        try {
            return ServiceLevelPolicy.Scope.valueOf(
                    (scope == null || scope.isBlank() ? "" : scope.strip()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Refused("scope must be DEFAULT, QUEUE or CHANNEL, not \"" + scope + "\".");
        }
    }
}
