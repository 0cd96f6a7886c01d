package org.heard.replies.broadcasts;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Token buckets, one per key and pace, kept in PostgreSQL by Bucket4j so that every Heard node takes turns from the
 * same bucket. A bucket holds one turn and refills one every {@link Pace#interval()}: messages go evenly spaced.
 */
@Component
class Pacing {

    private final ProxyManager<String> buckets;
    private final Map<String, BucketProxy> known = new ConcurrentHashMap<>();

    Pacing(DataSource dataSource) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("broadcast_pace_buckets")
                .build();
    }

    /** Takes a turn now; returns zero when it was taken, or how long until the next turn. */
    Duration take(String key, Pace pace) {
        var probe = bucket(key, pace).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    /** How long until a turn is free, without taking it: zero when one is free now. */
    Duration untilFree(String key, Pace pace) {
        var probe = bucket(key, pace).estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    private BucketProxy bucket(String key, Pace pace) {
        // The pace is part of the key, so a changed pace starts a fresh bucket instead of inheriting the old one.
        var id = key + "@" + pace;
        return known.computeIfAbsent(
                id,
                k -> buckets.builder()
                        .build(
                                k,
                                () -> BucketConfiguration.builder()
                                        .addLimit(Bandwidth.builder()
                                                .capacity(1)
                                                .refillGreedy(1, pace.interval())
                                                .build())
                                        .build()));
    }
}
