-- Supervisors' approval rules: a reply that matches every condition of an enabled rule waits for its
-- steps to approve it. Conditions and steps are JSON, validated when saved.
create table reply_approval_rules (
    id         bigserial    primary key,
    name       varchar(120) not null,
    position   int          not null,
    enabled    boolean      not null default true,
    conditions jsonb        not null,
    steps      jsonb        not null,
    created_at timestamptz  not null default now(),
    updated_at timestamptz  not null default now()
);
create index reply_approval_rules_in_order on reply_approval_rules (position, id);

-- One held reply waiting for approval: the rule that caught it, its steps as they read then, and the
-- step it waits at. The text is the approvers' current version; the reply keeps the agent's until released.
create table reply_approvals (
    id              bigserial    primary key,
    message_id      bigint       not null unique,
    conversation_id bigint       not null,
    author_id       bigint       not null,
    rule_id         bigint,
    rule_name       varchar(120) not null,
    steps           jsonb        not null,
    step            int          not null default 0,
    status          varchar(12)  not null default 'WAITING'
        check (status in ('WAITING', 'APPROVED', 'RETURNED', 'WITHDRAWN')),
    text            text         not null,
    channel         varchar(40)  not null,
    public_reply    boolean      not null,
    send_at         timestamptz,
    created_at      timestamptz  not null default now(),
    decided_at      timestamptz
);
create index reply_approvals_waiting on reply_approvals (created_at) where status = 'WAITING';

-- The audit trail: who approved, sent back or withdrew which reply at which step, with the text before
-- and after an approver's edit. Kept for good.
create table reply_approval_decisions (
    id              bigserial    primary key,
    approval_id     bigint       not null references reply_approvals (id),
    message_id      bigint       not null,
    conversation_id bigint       not null,
    step            int          not null,
    decision        varchar(12)  not null check (decision in ('APPROVED', 'RETURNED', 'WITHDRAWN')),
    actor_id        bigint       not null references users (id),
    actor_name      varchar(200) not null,
    comment         text,
    text_before     text         not null,
    text_after      text         not null,
    at              timestamptz  not null default now()
);
create index reply_approval_decisions_recent on reply_approval_decisions (id desc);
create index reply_approval_decisions_message on reply_approval_decisions (message_id);

-- The brand's own posts, answering no one ("Our stores close at 4pm on Christmas Eve"), scheduled for a
-- time. A due post is claimed once (SKIP LOCKED) and handed to the outbox, which posts it once.
create table reply_posts (
    id            bigserial    primary key,
    channel       varchar(40)  not null,
    account       varchar(200) not null,
    text          text         not null,
    scheduled_for timestamptz  not null,
    status        varchar(12)  not null default 'SCHEDULED'
        check (status in ('SCHEDULED', 'SENDING', 'SENT', 'FAILED', 'CANCELLED')),
    author_id     bigint       not null references users (id),
    external_id   varchar(200),
    error         text,
    created_at    timestamptz  not null default now(),
    sent_at       timestamptz
);
create index reply_posts_due on reply_posts (scheduled_for) where status = 'SCHEDULED';
