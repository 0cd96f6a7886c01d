package org.heard.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.heard.IntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the database itself guarantees, whatever several nodes do at the same moment. */
@IntegrationTest
@Tag("persistence")
class ConversationConstraintsIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPersonHasAtMostOneUnresolvedPrivateConversationPerAccount() {
        long identity = identity();
        long first = privateConversation(identity, "NEW");

        assertThatThrownBy(() -> privateConversation(identity, "NEW"))
                .isInstanceOf(DataIntegrityViolationException.class);

        jdbc.sql("update conversations set status = 'RESOLVED' where id = ?")
                .param(first)
                .update();
        assertThat(privateConversation(identity, "NEW")).isGreaterThan(first);
    }

    private long identity() {
        long contact = jdbc.sql("insert into contacts (display_name) values ('Ana') returning id")
                .query(Long.class)
                .single();
        return jdbc.sql("insert into channel_identities (contact_id, channel, external_id, display_name)"
                        + " values (?, 'sandbox', ?, 'Ana') returning id")
                .params(contact, UUID.randomUUID().toString())
                .query(Long.class)
                .single();
    }

    private long privateConversation(long identity, String status) {
        return jdbc.sql("insert into conversations (channel, account, contact_id, identity_id, visibility, status,"
                        + " created_at, last_message_at) select 'sandbox', 'heardbrand', contact_id, id,"
                        + " 'PRIVATE', ?, now(), now() from channel_identities where id = ? returning id")
                .params(status, identity)
                .query(Long.class)
                .single();
    }
}
