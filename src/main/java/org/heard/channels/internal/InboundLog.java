package org.heard.channels.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.heard.channels.InboundDelivery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The inbound event log: every delivery, kept before the network hears back. */
@Repository
class InboundLog {

    private final JdbcClient jdbc;

    InboundLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the deliveries in one transaction and returns how many were new. */
    @Transactional
    public int record(String channel, List<InboundDelivery> deliveries) {
        int recorded = 0;
        for (var delivery : deliveries) {
            recorded += jdbc.sql("""
                            insert into inbound_events (channel, account, external_id, payload)
                            values (?, ?, ?, ?)
                            on conflict on constraint inbound_events_delivery_key do nothing
                            """)
                    .params(channel, delivery.account(), delivery.externalId(), delivery.payload())
                    .update();
        }
        return recorded;
    }

    /**
     * Records deliveries of any channels in one statement, in the caller's transaction, and returns the keys of
     * those that were new.
     */
    Set<Key> recordAll(List<Entry> entries) {
        int n = entries.size();
        var channels = new String[n];
        var accounts = new String[n];
        var externalIds = new String[n];
        var payloads = new String[n];
        for (int i = 0; i < n; i++) {
            var entry = entries.get(i);
            channels[i] = entry.channel();
            accounts[i] = entry.delivery().account();
            externalIds[i] = entry.delivery().externalId();
            payloads[i] = entry.delivery().payload();
        }
        return new HashSet<>(jdbc.sql("""
                        insert into inbound_events (channel, account, external_id, payload)
                        select * from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::text[])
                        on conflict on constraint inbound_events_delivery_key do nothing
                        returning channel, account, external_id
                        """)
                .params(channels, accounts, externalIds, payloads)
                .query((rs, i) -> new Key(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list());
    }

    /** Takes due deliveries of the given channels; deliveries of a channel switched off wait for it. */
    List<Pending> claim(String[] channels, int limit) {
        return jdbc.sql("""
                        select id, channel, account, external_id, payload, attempts from inbound_events
                        where processed_at is null and next_attempt_at <= now() and channel = any(?)
                        order by id limit ? for update skip locked
                        """)
                .params(channels, limit)
                .query((rs, i) -> new Pending(
                        rs.getLong("id"),
                        rs.getString("channel"),
                        new InboundDelivery(
                                rs.getString("account"), rs.getString("external_id"), rs.getString("payload")),
                        rs.getInt("attempts")))
                .list();
    }

    void markProcessed(long id) {
        jdbc.sql("update inbound_events set processed_at = now() where id = ?")
                .param(id)
                .update();
    }

    void markFailed(long id, String error, boolean giveUp) {
        jdbc.sql("""
                        update inbound_events set attempts = attempts + 1, last_error = ?,
                            processed_at = case when ? then now() else null end,
                            next_attempt_at = now() + least(power(2, attempts), 3600) * interval '1 second'
                        where id = ?
                        """).params(error, giveUp, id).update();
    }

    /** Seconds since the oldest delivery still waiting to be processed arrived; 0 when none waits. */
    double lagSeconds() {
        return jdbc.sql("""
                        select coalesce(extract(epoch from now() - min(received_at)), 0) from inbound_events
                        where processed_at is null
                        """).query(Double.class).single();
    }

    long unprocessed() {
        return jdbc.sql("select count(*) from inbound_events where processed_at is null")
                .query(Long.class)
                .single();
    }

    record Entry(String channel, InboundDelivery delivery) {}

    record Key(String channel, String account, String externalId) {}

    record Pending(long id, String channel, InboundDelivery delivery, int attempts) {}
}
