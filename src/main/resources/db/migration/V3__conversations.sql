create table contacts (
    id           bigserial primary key,
    display_name varchar(200) not null,
    created_at   timestamptz  not null default now()
);

-- A person as one network knows them. Follower counts are context for agents, never priority.
create table channel_identities (
    id              bigserial primary key,
    contact_id      bigint        not null references contacts (id),
    channel         varchar(40)   not null,
    external_id     varchar(200)  not null,
    handle          varchar(200),
    display_name    varchar(200),
    avatar_url      varchar(1000),
    followers_count bigint,
    updated_at      timestamptz   not null default now(),
    constraint channel_identities_key unique (channel, external_id)
);

create table conversations (
    id                       bigserial primary key,
    channel                  varchar(40)  not null,
    account                  varchar(200) not null,
    contact_id               bigint       not null references contacts (id),
    identity_id              bigint       not null references channel_identities (id),
    visibility               varchar(10)  not null check (visibility in ('PUBLIC', 'PRIVATE')),
    status                   varchar(10)  not null check (status in ('NEW', 'OPEN', 'PENDING', 'RESOLVED')),
    priority                 int          not null default 0,
    assignee_id              bigint references users (id),
    last_message_preview     varchar(300) not null default '',
    created_at               timestamptz  not null,
    first_response_at        timestamptz,
    last_customer_message_at timestamptz,
    last_message_at          timestamptz  not null,
    resolved_at              timestamptz,
    version                  bigint       not null default 0
);
create index conversations_queue on conversations (priority desc, last_customer_message_at, id) where status <> 'RESOLVED';
create index conversations_assignee on conversations (assignee_id) where status <> 'RESOLVED';
create index conversations_private_by_identity on conversations (identity_id) where visibility = 'PRIVATE' and status <> 'RESOLVED';

create table messages (
    id                  bigserial primary key,
    conversation_id     bigint       not null references conversations (id),
    direction           varchar(10)  not null check (direction in ('INBOUND', 'OUTBOUND')),
    channel             varchar(40)  not null,
    account             varchar(200) not null,
    author_identity_id  bigint references channel_identities (id),
    author_user_id      bigint references users (id),
    text                text         not null,
    visibility          varchar(10)  not null check (visibility in ('PUBLIC', 'PRIVATE')),
    external_id         varchar(200),
    reply_to_external_id varchar(200),
    delivery_state      varchar(10)  not null check (delivery_state in ('RECEIVED', 'PENDING', 'SENT', 'FAILED')),
    delivery_error      text,
    sent_at             timestamptz  not null,
    recorded_at         timestamptz  not null default now()
);
create unique index messages_external_key on messages (channel, account, external_id) where external_id is not null;
create index messages_by_conversation on messages (conversation_id, sent_at, id);

create table notes (
    id              bigserial primary key,
    conversation_id bigint      not null references conversations (id),
    author_user_id  bigint      not null references users (id),
    text            text        not null,
    created_at      timestamptz not null default now()
);
create index notes_by_conversation on notes (conversation_id, created_at);
