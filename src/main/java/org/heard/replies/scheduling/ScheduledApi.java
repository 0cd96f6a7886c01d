package org.heard.replies.scheduling;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.heard.channels.Channels;
import org.heard.channels.PostTarget;
import org.heard.conversations.WaitingReply;
import org.heard.identity.SignedInUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Scheduled replies and posts for machines: list, schedule a post, cancel. */
@RestController
@RequestMapping("/api/replies")
@Tag(name = "Scheduled replies and posts")
class ScheduledApi {

    private final Scheduling scheduling;
    private final Channels channels;

    ScheduledApi(Scheduling scheduling, Channels channels) {
        this.scheduling = scheduling;
        this.channels = channels;
    }

    @GetMapping("/scheduled")
    @Operation(
            summary = "Replies with a time to go out (held for approval or not) and the brand's posts, soonest first",
            description = "Cancel a reply with POST /api/conversations/{id}/messages/{messageId}/withdraw.")
    Scheduled scheduled() {
        return new Scheduled(scheduling.replies(), scheduling.posts());
    }

    @GetMapping("/post-targets")
    @Operation(summary = "Where the brand can publish posts of its own: accounts on networks that take them")
    List<PostTarget> targets() {
        return channels.postTargets();
    }

    @PostMapping("/posts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Schedule a post of the brand's own, answering no one",
            description = "sendAt is an ISO instant (2026-12-24T15:00:00Z) or a local time (2026-12-24T15:00) in"
                    + " zone, by default the team's. A network that does not take such posts is refused with the"
                    + " reason; account may be left out where the channel has one account.")
    BrandPost schedule(@RequestBody PostRequest request, @AuthenticationPrincipal SignedInUser me) {
        return scheduling.schedule(
                request.channel(), request.account(), request.text(), request.sendAt(), request.zone(), me);
    }

    @PostMapping("/posts/{id}/cancel")
    @Operation(summary = "Cancel a scheduled post before it goes out (its author or a supervisor)")
    BrandPost cancel(@PathVariable long id, @AuthenticationPrincipal SignedInUser me) {
        return scheduling.cancelPost(id, me);
    }

    record Scheduled(List<WaitingReply> replies, List<BrandPost> posts) {}

    record PostRequest(
            String channel,
            @Nullable String account,
            String text,
            String sendAt,
            @Nullable String zone) {}
}
