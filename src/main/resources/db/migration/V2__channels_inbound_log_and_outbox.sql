-- Every delivery a network makes is recorded here, committed before the network is answered.
create table inbound_events (
    id           bigserial primary key,
    channel      varchar(40)  not null,
    account      varchar(200) not null,
    external_id  varchar(200) not null,
    payload      text         not null,
    received_at  timestamptz  not null default now(),
    processed_at timestamptz,
    attempts     int          not null default 0,
    last_error   text,
    constraint inbound_events_delivery_key unique (channel, account, external_id)
);
create index inbound_events_unprocessed on inbound_events (id) where processed_at is null;

-- Replies wait here, written in the same transaction as the message they deliver.
create table outbox (
    id              bigserial primary key,
    channel         varchar(40)  not null,
    account         varchar(200) not null,
    idempotency_key varchar(100) not null unique,
    message_id      bigint       not null,
    text            text         not null,
    private         boolean      not null,
    in_reply_to     varchar(200),
    recipient       varchar(200),
    status          varchar(20)  not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        int          not null default 0,
    next_attempt_at timestamptz  not null default now(),
    last_error      text,
    external_id     varchar(200),
    created_at      timestamptz  not null default now(),
    sent_at         timestamptz
);
create index outbox_due on outbox (next_attempt_at) where status = 'PENDING';
create index outbox_message on outbox (message_id);
