-- Where a conversation went on: privately on the same network, or with another of the customer's
-- profiles on another channel. The thread shows each one ("Continued on email by Ana · 14:02"). When
-- the customer already had an open private conversation there, it went on in that one instead.
create table conversation_continuations (
    id                    bigserial primary key,
    conversation_id       bigint       not null references conversations (id),
    after_message_id      bigint references messages (id),
    from_channel          varchar(40)  not null,
    from_account          varchar(200) not null,
    from_identity_id      bigint       not null references channel_identities (id),
    from_visibility       varchar(10)  not null check (from_visibility in ('PUBLIC', 'PRIVATE')),
    to_channel            varchar(40)  not null,
    to_account            varchar(200) not null,
    to_identity_id        bigint       not null references channel_identities (id),
    to_conversation_id    bigint references conversations (id),
    into_after_message_id bigint references messages (id),
    by_user_id            bigint       not null references users (id),
    at                    timestamptz  not null default now()
);
create index continuations_by_conversation on conversation_continuations (conversation_id, id);
create index continuations_by_target on conversation_continuations (to_conversation_id, id)
    where to_conversation_id is not null;

-- Every link and unlink of a profile, by a person, never by a guess. An unlink puts the profile back
-- with the contact its link took it from.
create table identity_links (
    id              bigserial primary key,
    identity_id     bigint      not null references channel_identities (id),
    action          varchar(10) not null check (action in ('LINKED', 'UNLINKED')),
    from_contact_id bigint      not null references contacts (id),
    to_contact_id   bigint      not null references contacts (id),
    by_user_id      bigint      not null references users (id),
    at              timestamptz not null default now()
);
create index identity_links_by_identity on identity_links (identity_id, id);
create index identity_links_by_contact on identity_links (to_contact_id, id);
create index identity_links_from_contact on identity_links (from_contact_id, id);

create index channel_identities_by_contact on channel_identities (contact_id);
create index conversations_by_identity on conversations (identity_id, id);
