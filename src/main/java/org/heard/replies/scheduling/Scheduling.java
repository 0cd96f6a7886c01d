package org.heard.replies.scheduling;

import java.util.List;
import org.heard.conversations.HeldReplies;
import org.heard.conversations.WaitingReply;
import org.heard.identity.Role;
import org.heard.identity.SignedInUser;
import org.heard.platform.Refused;
import org.heard.platform.TeamTimeZone;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * What the scheduled page and API do: list scheduled replies and posts, schedule a post at a time the team
 * writes in its own zone, and cancel either, for its author or a supervisor.
 */
@Service
class Scheduling {

    private final HeldReplies replies;
    private final ScheduledPosts posts;
    private final TeamTimeZone team;
    private final java.time.Clock clock;

    Scheduling(HeldReplies replies, ScheduledPosts posts, TeamTimeZone team, java.time.Clock clock) {
        this.replies = replies;
        this.posts = posts;
        this.team = team;
        this.clock = clock;
    }

    List<WaitingReply> replies() {
        return replies.scheduled();
    }

    List<BrandPost> posts() {
        return posts.recent();
    }

    BrandPost schedule(
            String channel,
            @Nullable String account,
            String text,
            @Nullable String sendAt,
            @Nullable String zone,
            SignedInUser me) {
        if (sendAt == null || sendAt.isBlank()) {
            throw new Refused("Say when the post goes out.");
        }
        var at = team.later(sendAt, zone, clock.instant());
        return posts.schedule(channel, account, text, at, me.id());
    }

    BrandPost cancelPost(long id, SignedInUser me) {
        allowed(posts.find(id).authorId(), me, "post");
        return posts.cancel(id);
    }

    void cancelReply(long messageId, SignedInUser me) {
        allowed(replies.find(messageId).authorUserId(), me, "reply");
        replies.cancel(messageId, me.id());
    }

    private static void allowed(@Nullable Long authorId, SignedInUser me, String what) {
        if (me.role() == Role.AGENT && (authorId == null || authorId != me.id())) {
            throw new AccessDeniedException("Only its author or a supervisor can cancel this " + what + ".");
        }
    }
}
