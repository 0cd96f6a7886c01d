-- Hashtag commands supervisors define: #balance, #refund, #complaint … The tag is kept lower-case, without '#'.
create table selfservice_commands (
    tag        varchar(30)  primary key,
    kind       varchar(10)  not null check (kind in ('ANSWER', 'ACCOUNT', 'CASE')),
    answer     varchar(500) not null,
    queue      varchar(80),
    priority   int check (priority between 0 and 100),
    enabled    boolean      not null default true,
    updated_at timestamptz  not null default now()
);

-- What the bot did in a conversation, so it answers once, hands over once, and stays quiet after a handover.
create table selfservice_conversations (
    conversation_id bigint       primary key,
    tag             varchar(30)  not null,
    state           varchar(12)  not null check (state in ('ANSWERED', 'LINK_SENT', 'CASE', 'HANDED_OVER')),
    last_answer     text         not null,
    updated_at      timestamptz  not null
);

-- One-time links to connect an account: only a SHA-256 of the token is kept, so the table alone opens nothing.
create table selfservice_link_tokens (
    token_hash      bytea        primary key,
    conversation_id bigint       not null,
    identity_id     bigint       not null,
    tag             varchar(30)  not null,
    created_at      timestamptz  not null,
    expires_at      timestamptz  not null,
    used_at         timestamptz,
    failed_attempts int          not null default 0
);
create index selfservice_link_tokens_expiry on selfservice_link_tokens (expires_at);

-- A customer's profile on one network linked to their account in the company's system, by the customer, on
-- purpose. A profile has at most one account; other profiles of the same person are not linked by it.
create table selfservice_account_links (
    identity_id  bigint       primary key,
    customer_ref varchar(200) not null,
    linked_at    timestamptz  not null
);

-- Every use of a command and what came of it, for the figures supervisors read.
create table selfservice_events (
    id              bigserial    primary key,
    tag             varchar(30)  not null,
    outcome         varchar(14)  not null check (outcome in
        ('USED', 'ANSWERED', 'RESOLVED', 'LINK_SENT', 'LINKED', 'CASE_OPENED', 'HANDED_OVER', 'LOOKUP_FAILED', 'HELP')),
    conversation_id bigint       not null,
    channel         varchar(40)  not null,
    at              timestamptz  not null
);
create index selfservice_events_by_tag on selfservice_events (tag, outcome);
create index selfservice_events_handovers on selfservice_events (conversation_id) where outcome = 'HANDED_OVER';

-- Commands a new install starts with, on, so the sandbox demo answers them; supervisors change or switch them off
-- on the Self-service page. The account values come from the lookup (the sandbox's demo accounts by default).
insert into selfservice_commands (tag, kind, answer, queue, priority) values
    ('balance', 'ACCOUNT', 'Your balance is {{balance}}.', null, null),
    ('data', 'ACCOUNT', 'You have {{data_left}} of data left; your allowance renews on {{renews}}.', null, null),
    ('charges', 'ACCOUNT', 'Your latest charges: {{charges}}.', null, null),
    ('refund', 'ANSWER', 'Refunds: ask within 30 days at example.com/refund and the money is back in 5 working days.', null, null),
    ('complaint', 'CASE', 'We''ve opened a case for you, and a person from our team will reply here soon.', 'general', 60),
    ('broken', 'CASE', 'Sorry it''s broken. We''ve opened a case, and a person from our team will reply here soon.', 'general', 60),
    ('faulty', 'CASE', 'Sorry about the fault. We''ve opened a case, and a person from our team will reply here soon.', 'general', 60);
