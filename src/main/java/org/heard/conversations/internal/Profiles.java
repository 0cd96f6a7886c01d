package org.heard.conversations.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.heard.conversations.internal.IdentityLink.Action;
import org.heard.identity.Colleague;
import org.heard.identity.Colleagues;
import org.heard.platform.Refused;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's profiles on several networks, linked to one contact only by a person who knows they are
 * the same customer, never on a guess. Each link and unlink is recorded, and an unlink puts the profile
 * back with the contact its link took it from. A profile's conversations follow it.
 */
@Service
@Transactional
public class Profiles {

    private final Identities identities;
    private final Contacts contacts;
    private final IdentityLinks links;
    private final Conversations conversations;
    private final Colleagues colleagues;
    private final ApplicationEventPublisher events;

    Profiles(
            Identities identities,
            Contacts contacts,
            IdentityLinks links,
            Conversations conversations,
            Colleagues colleagues,
            ApplicationEventPublisher events) {
        this.identities = identities;
        this.contacts = contacts;
        this.links = links;
        this.conversations = conversations;
        this.colleagues = colleagues;
        this.events = events;
    }

    /** The contact's profiles, with who linked each one that came by a link. */
    @Transactional(readOnly = true)
    public List<ProfileView> of(long contactId) {
        contact(contactId);
        var names = colleagueNames();
        return identities.findByContactIdOrderByChannelAscIdAsc(contactId).stream()
                .map(identity -> view(identity, names))
                .toList();
    }

    /** Other contacts' profiles whose handle or name contains the words; at most twenty. */
    @Transactional(readOnly = true)
    public List<ProfileView> search(long contactId, @Nullable String words) {
        contact(contactId);
        var query = words == null ? "" : words.strip().replaceFirst("^@", "").toLowerCase(Locale.ROOT);
        if (query.length() < 2) {
            return List.of();
        }
        var pattern = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        var names = colleagueNames();
        return identities.search(contactId, pattern).stream()
                .map(identity -> view(identity, names))
                .toList();
    }

    /**
     * Links the profile to the contact; its conversations follow it.
     *
     * @throws Refused when it is this contact's already, or came to another by a link
     */
    public LinkView link(long contactId, long identityId, long userId) {
        contact(contactId);
        var identity = identity(identityId);
        if (identity.contactId() == contactId) {
            throw new Refused(Continuing.name(identity) + " is already this customer's profile.");
        }
        if (activeLink(identity) != null) {
            throw new Refused(Continuing.name(identity) + " is linked to "
                    + contact(identity.contactId()).displayName() + "; unlink it there first.");
        }
        var link = links.save(new IdentityLink(identityId, Action.LINKED, identity.contactId(), contactId, userId));
        moveTo(identity, contactId);
        return view(link, colleagueNames());
    }

    /**
     * Puts a linked profile back with the contact its link took it from.
     *
     * @throws Refused when the profile did not come to this contact by a link
     */
    public LinkView unlink(long contactId, long identityId, long userId) {
        var identity = identity(identityId);
        var link = activeLink(identity);
        if (identity.contactId() != contactId || link == null) {
            throw new Refused(Continuing.name(identity)
                    + " was not linked to this customer by anyone, so there is nothing to unlink.");
        }
        var unlink = links.save(new IdentityLink(identityId, Action.UNLINKED, contactId, link.fromContactId(), userId));
        moveTo(identity, link.fromContactId());
        return view(unlink, colleagueNames());
    }

    /** Every link and unlink that brought a profile to this contact or took one from it, newest first. */
    @Transactional(readOnly = true)
    public List<LinkView> history(long contactId) {
        contact(contactId);
        var names = colleagueNames();
        return links.historyOf(contactId).stream()
                .map(link -> view(link, names))
                .toList();
    }

    private static LinkView view(IdentityLink link, Map<Long, String> names) {
        return new LinkView(
                link.id(),
                link.identityId(),
                link.action().name(),
                link.fromContactId(),
                link.toContactId(),
                link.byUserId(),
                names.getOrDefault(link.byUserId(), "A colleague"),
                link.at());
    }

    /** The link that brought the profile to its contact, if that is how it got there. */
    private @Nullable IdentityLink activeLink(ChannelIdentity identity) {
        return links.findFirstByIdentityIdOrderByIdDesc(identity.id())
                .filter(link ->
                        link.action() == Action.LINKED && link.toContactId().equals(identity.contactId()))
                .orElse(null);
    }

    private void moveTo(ChannelIdentity identity, long contactId) {
        identity.belongTo(contactId);
        identities.save(identity);
        for (var conversation : conversations.findByIdentityId(identity.id())) {
            conversation.belongTo(contactId);
            events.publishEvent(conversations.save(conversation).changed());
        }
    }

    private ProfileView view(ChannelIdentity identity, Map<Long, String> names) {
        var link = activeLink(identity);
        return new ProfileView(
                identity.id(),
                identity.contactId(),
                identity.channel(),
                identity.handle(),
                identity.displayName(),
                identity.followersCount(),
                link == null ? null : names.getOrDefault(link.byUserId(), "A colleague"),
                link == null ? null : link.at());
    }

    private Contact contact(long id) {
        return contacts.findById(id).orElseThrow(() -> new ConversationNotFound("contact " + id));
    }

    private ChannelIdentity identity(long id) {
        return identities.findById(id).orElseThrow(() -> new ConversationNotFound("profile " + id));
    }

    private Map<Long, String> colleagueNames() {
        return colleagues.active().stream().collect(Collectors.toMap(Colleague::id, Colleague::name, (a, b) -> a));
    }
}
