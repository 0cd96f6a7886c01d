-- A broadcast: one update sent as a reply in each of a set of conversations, paced per network.
-- start_key is the one-time key of the form (or API call) that started it: a second start with the same key
-- finds this broadcast instead of making another.
create table broadcasts (
    id                 bigserial    primary key,
    start_key          varchar(80)  not null,
    text               text         not null,
    -- null: each conversation's own way (public in a public thread, private in a private chat)
    visibility         varchar(10)  check (visibility in ('PUBLIC', 'PRIVATE')),
    -- the filter that chose the recipients, as a person reads it ("tag outage · unresolved · sandbox")
    audience           text         not null,
    -- an optional pace slower than the networks' own, such as '1/10s'
    pace               varchar(40),
    state              varchar(10)  not null check (state in ('RUNNING', 'FINISHED', 'CANCELLED')),
    started_by         bigint       not null references users (id),
    started_at         timestamptz  not null,
    ended_at           timestamptz,
    cancelled_by       bigint references users (id),
    total              int          not null,
    constraint broadcasts_start_key unique (start_key)
);
create index broadcasts_running on broadcasts (id) where state = 'RUNNING';

-- Who a broadcast goes to, frozen when it starts, and what became of each. Names are not copied here: they are
-- read from the conversation when shown, so erasing a person's data in conversations leaves none behind.
create table broadcast_recipients (
    id              bigserial    primary key,
    broadcast_id    bigint       not null references broadcasts (id),
    conversation_id bigint       not null references conversations (id) on delete cascade,
    channel         varchar(40)  not null,
    account         varchar(200) not null,
    state           varchar(10)  not null check (state in
                        ('PENDING', 'SENDING', 'SENT', 'HELD', 'FAILED', 'SKIPPED', 'CANCELLED')),
    reason          text,
    message_id      bigint references messages (id) on delete set null,
    attempts        int          not null default 0,
    handled_at      timestamptz,
    constraint broadcast_recipients_once unique (broadcast_id, conversation_id)
);
-- The worker's queue: pending recipients by broadcast and the network account that sends them.
create index broadcast_recipients_pending on broadcast_recipients (broadcast_id, channel, account, id)
    where state = 'PENDING';
create index broadcast_recipients_by_message on broadcast_recipients (message_id) where message_id is not null;

-- Token buckets of the broadcast pace (Bucket4j's PostgreSQL proxy manager), shared by every Heard node, so a
-- network account is paced the same however many nodes send.
create table broadcast_pace_buckets (
    id    varchar(300) primary key,
    state bytea
);
