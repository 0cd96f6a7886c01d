package org.heard.replies.broadcasts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.heard.conversations.ConversationCriteria;
import org.heard.conversations.ConversationSearch;
import org.heard.conversations.ConversationSummary;
import org.heard.conversations.HeldReplies;
import org.heard.platform.Refused;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/**
 * Starts, follows and cancels broadcasts. The recipients are frozen when a broadcast starts, one reply per person
 * (in their latest matching conversation); the {@link BroadcastWorker} sends them at each network's pace.
 */
@Service("replyBroadcasts")
public class Broadcasts {

    static final int PREVIEW_SAMPLE = 10;
    private static final int FREEZE_PAGE = 1000;

    private final BroadcastStore store;
    private final RecipientStore recipients;
    private final ConversationSearch search;
    private final HeldReplies heldReplies;
    private final BroadcastWorker worker;
    private final BroadcastLive live;
    private final AudienceWarnings warnings;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int maxRecipients;

    Broadcasts(
            BroadcastStore store,
            RecipientStore recipients,
            ConversationSearch search,
            HeldReplies heldReplies,
            BroadcastWorker worker,
            BroadcastLive live,
            AudienceWarnings warnings,
            TransactionTemplate transactions,
            Clock clock,
            @Value("${heard.replies.broadcasts.max-recipients:20000}") int maxRecipients) {
        this.store = store;
        this.recipients = recipients;
        this.search = search;
        this.heldReplies = heldReplies;
        this.worker = worker;
        this.live = live;
        this.warnings = warnings;
        this.transactions = transactions;
        this.clock = clock;
        this.maxRecipients = maxRecipients;
    }

    /** A broadcast that was asked to start, and whether this request started it or found it started already. */
    public record Started(Progress progress, boolean created) {}

    /** Who the broadcast would reach now, and what would keep some of them from getting it. */
    public Preview preview(ConversationCriteria audience, @Nullable String text) {
        var count = search.count(audience);
        var found = warnings.about(count, text);
        if (count.conversations() > maxRecipients) {
            found.addFirst(tooMany(count.conversations()));
        }
        return new Preview(audience.describe(), count, search.find(audience, 0, PREVIEW_SAMPLE), found);
    }

    /**
     * Starts a broadcast, once per key: a second start with the same key, even at the same moment, finds the
     * first one.
     *
     * @throws Refused when no conversation matches, or too many do
     */
    public Started start(BroadcastDraft draft, long userId) {
        var started = transactions.execute(status -> {
            var id = store.insert(draft, draft.audience().describe(), userId, clock.instant());
            if (id.isEmpty()) {
                return new Started(progress(store.idForKey(draft.key()).orElseThrow()), false);
            }
            store.total(id.get(), freeze(id.get(), draft.audience()));
            return new Started(progress(id.get()), true);
        });
        if (started.created()) {
            worker.nudge();
            live.changed(started.progress().broadcast().id());
        }
        return started;
    }

    private int freeze(long broadcastId, ConversationCriteria audience) {
        var count = search.count(audience);
        if (count.conversations() == 0) {
            throw new Refused("No conversation is " + audience.describe() + "; there is no one to send this to.");
        }
        if (count.conversations() > maxRecipients) {
            throw new Refused(tooMany(count.conversations()));
        }
        var all = new ArrayList<ConversationSummary>();
        for (var page = search.find(audience, 0, FREEZE_PAGE);
                !page.isEmpty();
                page = search.find(audience, page.getLast().id(), FREEZE_PAGE)) {
            all.addAll(page);
        }
        // One update per person: in their latest matching conversation; the others are skipped, with the reason.
        var latest = all.stream()
                .collect(Collectors.toMap(
                        ConversationSummary::contactId,
                        Function.identity(),
                        (a, b) -> Comparator.comparing(ConversationSummary::lastMessageAt)
                                                .thenComparing(ConversationSummary::id)
                                                .compare(a, b)
                                        >= 0
                                ? a
                                : b,
                        HashMap::new));
        var frozen =
                all.stream().map(c -> recipient(c, latest.get(c.contactId()))).toList();
        for (int from = 0; from < frozen.size(); from += FREEZE_PAGE) {
            recipients.add(broadcastId, frozen.subList(from, Math.min(frozen.size(), from + FREEZE_PAGE)));
        }
        return frozen.size();
    }

    private static RecipientStore.NewRecipient recipient(ConversationSummary c, ConversationSummary latest) {
        boolean send = latest.id() == c.id();
        return new RecipientStore.NewRecipient(
                c.id(),
                c.channel(),
                c.account(),
                send ? RecipientState.PENDING : RecipientState.SKIPPED,
                send ? null : "Gets this update once, in conversation #" + latest.id() + ".");
    }

    private String tooMany(long conversations) {
        return conversations + " conversations match; a broadcast goes to at most " + maxRecipients
                + ". Narrow it with a tag, channel or queue, or raise heard.replies.broadcasts.max-recipients.";
    }

    /** @throws ResponseStatusException 404 when there is no such broadcast */
    public Progress progress(long id) {
        var broadcast = store.find(id)
                .orElseThrow(() -> new ResponseStatusException(
                        org.springframework.http.HttpStatus.NOT_FOUND, "There is no broadcast " + id + "."));
        return new Progress(broadcast, store.counts(id));
    }

    /** The newest broadcasts, with how far each got. */
    public List<Progress> history(int limit) {
        return store.newest(Math.clamp(limit, 1, 200)).stream()
                .map(b -> new Progress(b, store.counts(b.id())))
                .toList();
    }

    /** A page of recipients, in the order they were frozen; those in one state only when it is given. */
    public List<Recipient> recipients(long id, @Nullable RecipientState state, int offset, int limit) {
        progress(id);
        var page = recipients.page(id, state, Math.max(0, offset), Math.clamp(limit, 1, 500));
        // Names are read from the conversations, never copied: erasing a person there leaves nothing here.
        var people = search
                .summaries(page.stream().map(Recipient::conversationId).toList())
                .stream()
                .collect(Collectors.toMap(ConversationSummary::id, Function.identity()));
        return page.stream()
                .map(r -> {
                    var c = people.get(r.conversationId());
                    return c == null ? r : r.named(c.customerName(), c.customerHandle());
                })
                .toList();
    }

    /**
     * Stops a running broadcast: recipients not yet sent to are cancelled and replies waiting for approval are
     * withdrawn; replies already sent stay sent. Cancelling a cancelled broadcast changes nothing.
     *
     * @param who the colleague's name, for the reason each recipient shows
     * @throws Refused when the broadcast has finished
     */
    public Progress cancel(long id, long userId, String who) {
        var broadcast = progress(id).broadcast();
        if (broadcast.state() == BroadcastState.FINISHED) {
            throw new Refused(
                    "This broadcast has finished: every recipient was handled, so there is nothing left to cancel.");
        }
        transactions.executeWithoutResult(status -> {
            if (store.cancel(id, userId, clock.instant())) {
                recipients.cancelPending(id, "Cancelled by " + who + " before it was sent.", clock.instant());
            }
        });
        for (var held : recipients.held(id)) {
            try {
                heldReplies.cancel(held[1], userId);
                recipients.withdrawn(held[0], "Withdrawn by " + who + " with the broadcast, before approval.");
            } catch (Refused e) {
                // Released or sent back meanwhile: it stays as it is.
            }
        }
        live.changed(id);
        return progress(id);
    }
}
