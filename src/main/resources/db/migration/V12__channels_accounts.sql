-- The accounts Heard acts for on each network: a Page, a bot, a mailbox. Credentials are AES-256-GCM
-- ciphertext under a key kept in configuration, never in this database.
create table channel_accounts (
    id            bigserial    primary key,
    channel       varchar(40)  not null,
    key           varchar(64)  not null unique,
    external_id   varchar(200) not null,
    name          varchar(200) not null,
    credentials   bytea        not null,
    verify_token  varchar(100),
    status        varchar(20)  not null default 'CONNECTED'
                  check (status in ('CONNECTED', 'FAILING', 'DISCONNECTED')),
    status_detail text,
    poll_cursor   text,
    next_poll_at  timestamptz  not null default now(),
    connected_at  timestamptz  not null default now(),
    updated_at    timestamptz  not null default now(),
    -- Connecting the same account again updates it instead of adding a second one.
    constraint channel_accounts_network_id unique (channel, external_id)
);
create index channel_accounts_due_polls on channel_accounts (next_poll_at) where status = 'CONNECTED';

-- Who connected, tested or disconnected which account, and what the network answered.
create table channel_account_audit (
    id           bigserial    primary key,
    account_id   bigint       not null references channel_accounts (id),
    channel      varchar(40)  not null,
    account_name varchar(200) not null,
    action       varchar(20)  not null,
    detail       text,
    actor_id     bigint       not null,
    actor_name   varchar(200) not null,
    at           timestamptz  not null default now()
);
create index channel_account_audit_recent on channel_account_audit (id desc);
