package org.heard.replies.broadcasts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.heard.channels.Visibility;
import org.heard.conversations.ConversationCriteria;
import org.heard.conversations.ConversationStatus;
import org.junit.jupiter.api.Test;

class AudienceTests {

    @Test
    void unresolvedIsTheDefaultAndTagsComeFromOneField() {
        var criteria = Audience.fromForm(" Outage, billing  app ", null, "", "any", null)
                .criteria();

        assertThat(criteria.tags()).containsExactlyInAnyOrder("outage", "billing", "app");
        assertThat(criteria.statuses()).isEqualTo(ConversationCriteria.UNRESOLVED);
        assertThat(criteria.channel()).isNull();
        assertThat(criteria.queue()).isNull();
        assertThat(criteria.visibility()).isNull();
        assertThat(criteria.describe()).isEqualTo("tagged app and billing and outage · unresolved");
    }

    @Test
    void eachFilterNarrowsAndSaysSo() {
        var criteria = new Audience(List.of("outage"), "pending", "Sandbox", "billing", "private").criteria();

        assertThat(criteria.statuses()).containsExactly(ConversationStatus.PENDING);
        assertThat(criteria.channel()).isEqualTo("sandbox");
        assertThat(criteria.visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(criteria.describe())
                .isEqualTo("tagged outage · pending · on sandbox · in queue billing · private chats");
        assertThat(new Audience(null, "any", null, null, null).criteria().statuses())
                .isEmpty();
    }

    @Test
    void wordsItDoesNotKnowAreRefusedWithTheChoices() {
        assertThatThrownBy(() -> new Audience(null, "closed", null, null, null).criteria())
                .hasMessage("'closed' is not a status; use unresolved, new, open, pending, resolved or any.");
        assertThatThrownBy(() -> new Audience(null, null, null, null, "secret").criteria())
                .hasMessageStartingWith("'secret' is not a visibility.");
    }

    @Test
    void aDraftNeedsItsKeyAndText() {
        var audience = new ConversationCriteria(Set.of("outage"), Set.of(), null, null, null);
        assertThatThrownBy(() -> new BroadcastDraft(" ", "Back up", audience, null, null))
                .hasMessageStartingWith("A broadcast needs a one-time key");
        assertThatThrownBy(() -> new BroadcastDraft("k", "  ", audience, null, null))
                .hasMessage("Write the update before broadcasting it.");
        assertThat(new BroadcastDraft(" k ", " Back up ", audience, null, null).text())
                .isEqualTo("Back up");
    }
}
