package org.heard.conversations.internal;

import java.time.Instant;
import java.util.List;
import org.heard.conversations.ConversationStatus;
import org.jspecify.annotations.Nullable;

/**
 * A conversation as an agent reads it: the thread, the customer, notes and what a reply may be.
 *
 * @param privateWindowClosed why the network takes no private message now ("The customer last wrote 26 hours ago;
 *     WhatsApp only allows an approved template now."), or null while it does
 * @param templatesOnly whether only an approved template may be sent now
 * @param account the network's id for the account Heard answers from
 */
public record ConversationView(
        long id,
        String channel,
        String visibility,
        ConversationStatus status,
        int priority,
        String priorityLevel,
        String priorityReason,
        @Nullable String queue,
        List<String> tags,
        @Nullable Instant dueAt,
        @Nullable String dueWhat,
        @Nullable Long assigneeId,
        @Nullable String assigneeName,
        Instant createdAt,
        @Nullable Instant firstResponseAt,
        Customer customer,
        List<MessageView> messages,
        List<NoteView> notes,
        int maxReplyLength,
        List<Marker> markers,
        @Nullable String privateWindowClosed,
        boolean templatesOnly,
        String account) {

    /** The markers that go right after this message in the thread. */
    public List<Marker> markersAfter(long messageId) {
        return markers.stream()
                .filter(m -> m.afterMessageId() != null && m.afterMessageId() == messageId)
                .toList();
    }

    /** The customer as this network shows them. Followers are context, never priority. */
    public record Customer(
            long contactId,
            String name,
            @Nullable String handle,
            @Nullable String avatarUrl,
            @Nullable Long followers,
            String externalId,
            long conversations,
            long identityId) {}

    /**
     * One message of the thread.
     *
     * @param liked whether the team liked this public comment on the network
     * @param hidden whether the team hid this public comment on the network
     * @param moderations what an agent can do to it next, of LIKE, UNLIKE, HIDE and UNHIDE, where the channel allows
     * @param personalData why the text is shown masked ("This public post shows the customer's payment card
     *     number."), or null when it is shown as written
     * @param note why a reply waits for approval, or the comment it was sent back with
     * @param scheduledFor when a waiting reply is to go out
     * @param returnedBy who sent a reply back to its author
     * @param revealable whether a supervisor may read the masked text as written (payment details sent privately)
     */
    public record MessageView(
            long id,
            String direction,
            String authorName,
            String text,
            String visibility,
            String deliveryState,
            @Nullable String deliveryError,
            @Nullable String externalId,
            Instant sentAt,
            String channel,
            boolean liked,
            boolean hidden,
            List<String> moderations,
            @Nullable String personalData,
            @Nullable String note,
            @Nullable Instant scheduledFor,
            @Nullable String returnedBy,
            boolean revealable) {

        public boolean fromCustomer() {
            return "INBOUND".equals(direction);
        }

        public boolean failed() {
            return "FAILED".equals(deliveryState);
        }
    }

    public record NoteView(long id, String authorName, String text, Instant createdAt) {}

    /**
     * Where the conversation went on, or came from, shown in the thread after the message it followed:
     * "Continued on email by Ana · 14:02".
     *
     * @param otherConversationId the conversation it went on in, or came from, when that is another one
     */
    public record Marker(
            @Nullable Long afterMessageId,
            String text,
            String byName,
            Instant at,
            String time,
            @Nullable Long otherConversationId) {}
}
