-- What the analyser read in each customer message; history for repeated contact and the fairness report.
create table triage_assessments (
    message_id      bigint       primary key references messages (id),
    conversation_id bigint       not null references conversations (id),
    contact_id      bigint       not null references contacts (id),
    channel         varchar(40)  not null,
    sentiment       varchar(10)  not null check (sentiment in ('NEGATIVE', 'NEUTRAL', 'POSITIVE')),
    score           real         not null,
    complaint       boolean      not null,
    urgency         varchar(10)  not null check (urgency in ('NONE', 'ELEVATED', 'HIGH')),
    signals         text[]       not null default '{}',
    language        varchar(8),
    assessed_at     timestamptz  not null
);
create index triage_assessments_by_contact on triage_assessments (contact_id, assessed_at);
create index triage_assessments_by_conversation on triage_assessments (conversation_id, assessed_at desc);

-- Queues group work; a queue pushes conversations to its members, or they pull the next one.
create table triage_queues (
    key        varchar(80)  primary key check (key ~ '^[a-z0-9][a-z0-9-]*$'),
    name       varchar(120) not null,
    languages  text[]       not null default '{}',
    mode       varchar(10)  not null default 'PUSH' check (mode in ('PUSH', 'PULL')),
    position   int          not null default 0,
    created_at timestamptz  not null default now()
);
insert into triage_queues (key, name, position) values ('general', 'General', 0);

create table triage_queue_members (
    queue_key varchar(80) not null references triage_queues (key) on delete cascade on update cascade,
    user_id   bigint      not null references users (id),
    primary key (queue_key, user_id)
);

-- An agent's skills (languages as ISO 639-1 codes, products as words), capacity and presence.
create table triage_agents (
    user_id     bigint      primary key references users (id),
    capacity    int         not null default 8 check (capacity between 0 and 200),
    skills      text[]      not null default '{}',
    presence    varchar(10) not null default 'OFFLINE' check (presence in ('ONLINE', 'AWAY', 'OFFLINE')),
    presence_at timestamptz not null default now()
);

-- Why an unresolved conversation has its priority: what the customer needs (the strongest message
-- since it was last resolved), a rule's floor, and its service level. Gone when it is resolved.
create table triage_conversations (
    conversation_id bigint       primary key references conversations (id),
    needs           int          not null,
    needs_reason    varchar(300) not null,
    floor           int,
    floor_reason    varchar(200),
    service_level   varchar(10)  not null default 'ON_TIME' check (service_level in ('ON_TIME', 'WARNING', 'BREACHED')),
    service_what    varchar(40),
    updated_at      timestamptz  not null
);
