-- When the team is open. One team calendar; a queue may have its own. Hours are local to the zone and
-- written as "09:00-12:00, 13:00-17:00" ("00:00-24:00" is a whole day); a day with no row is closed.
create table triage_calendars (
    id         bigserial   primary key,
    queue_key  varchar(80) unique references triage_queues (key) on delete cascade on update cascade,
    zone       varchar(64) not null,
    updated_at timestamptz not null default now()
);
create unique index triage_calendars_one_team on triage_calendars ((queue_key is null)) where queue_key is null;

create table triage_calendar_hours (
    calendar_id bigint       not null references triage_calendars (id) on delete cascade,
    day_of_week smallint     not null check (day_of_week between 1 and 7),
    hours       varchar(200) not null,
    primary key (calendar_id, day_of_week)
);

-- Holidays (hours '' = closed all day) and dates with special hours, such as Christmas Eve mornings.
create table triage_calendar_days (
    calendar_id bigint       not null references triage_calendars (id) on delete cascade,
    day         date         not null,
    name        varchar(120) not null default '',
    hours       varchar(200) not null default '',
    primary key (calendar_id, day)
);

-- A new install does not know its team's hours yet: it counts round the clock in UTC, so it never
-- tells a customer "we're closed" before a supervisor has said when the team works.
insert into triage_calendars (zone) values ('UTC');
insert into triage_calendar_hours (calendar_id, day_of_week, hours)
select id, d, '00:00-24:00' from triage_calendars, generate_series(1, 7) as d;

-- Service-level targets, for one queue, one channel, or everything else (the one default policy).
create table triage_service_level_policies (
    id                       bigserial    primary key,
    name                     varchar(120) not null,
    scope                    varchar(10)  not null check (scope in ('DEFAULT', 'QUEUE', 'CHANNEL')),
    scope_value              varchar(80),
    first_response_seconds   bigint       not null check (first_response_seconds > 0),
    next_response_seconds    bigint       not null check (next_response_seconds > 0),
    resolution_seconds       bigint       check (resolution_seconds > 0),
    business_hours           boolean      not null default true,
    warn_at_percent          smallint     check (warn_at_percent between 1 and 99),
    warn_before_seconds      bigint       check (warn_before_seconds > 0),
    updated_at               timestamptz  not null default now(),
    check ((scope = 'DEFAULT') = (scope_value is null)),
    constraint triage_service_level_policies_scope unique nulls not distinct (scope, scope_value)
);
insert into triage_service_level_policies
    (name, scope, first_response_seconds, next_response_seconds, resolution_seconds, business_hours, warn_at_percent)
values ('Standard', 'DEFAULT', 3600, 7200, 86400, true, 80);

-- One row per clock that ran for a conversation, kept for reports. A warning and a breach each fire
-- once: warned_at and breached_at say they did, on whichever node, across restarts.
create table triage_service_level_clocks (
    id              bigserial   primary key,
    conversation_id bigint      not null references conversations (id),
    kind            varchar(20) not null check (kind in ('first-response', 'next-response', 'resolution')),
    policy_id       bigint      references triage_service_level_policies (id) on delete set null,
    business_hours  boolean     not null,
    started_at      timestamptz not null,
    due_at          timestamptz not null,
    warn_at         timestamptz,
    warned_at       timestamptz,
    breached_at     timestamptz,
    stopped_at      timestamptz,
    stopped_by      varchar(20) check (stopped_by in ('reply', 'resolved'))
);
create unique index triage_clocks_one_running on triage_service_level_clocks (conversation_id, kind)
    where stopped_at is null;
create index triage_clocks_watched on triage_service_level_clocks (due_at)
    where stopped_at is null and breached_at is null;
create index triage_clocks_warned on triage_service_level_clocks (warned_at) where warned_at is not null;
create index triage_clocks_breached on triage_service_level_clocks (breached_at) where breached_at is not null;

-- Automated replies, per visibility of the conversation. {opening} becomes "at 09:00 (UK time)".
create table triage_away_texts (
    visibility varchar(10)  primary key check (visibility in ('PUBLIC', 'PRIVATE')),
    text       varchar(500) not null
);
insert into triage_away_texts (visibility, text) values
    ('PUBLIC', 'Automatic reply: we''re closed now and back {opening}. We''ll answer you then.'),
    ('PRIVATE', 'Automatic reply: thanks for your message. We''re closed now and back {opening}; a person from the team will answer you then.');

-- One away reply per person per closed period, the period known by when the team reopens.
create table triage_away_replies (
    contact_id      bigint      not null references contacts (id),
    reopens_at      timestamptz not null,
    conversation_id bigint      not null references conversations (id),
    sent_at         timestamptz not null,
    primary key (contact_id, reopens_at)
);

-- "Still on it" updates after a customer has waited this long in business time for a person.
create table triage_wait_updates (
    id            bigserial    primary key,
    after_seconds bigint       not null unique check (after_seconds > 0),
    public_text   varchar(500) not null,
    private_text  varchar(500) not null
);
insert into triage_wait_updates (after_seconds, public_text, private_text) values
    (7200,
     'Automatic update: we haven''t forgotten you. Your message is with the team and a person will reply as soon as they can.',
     'Automatic update: we haven''t forgotten you. Your message is with the team and a person will reply here as soon as they can.');

-- Each update goes out once per wait (a response clock), whichever node sends it.
create table triage_wait_updates_sent (
    clock_id        bigint       not null references triage_service_level_clocks (id),
    threshold_id    bigint       not null references triage_wait_updates (id) on delete cascade,
    conversation_id bigint       not null references conversations (id),
    sent_at         timestamptz  not null,
    skipped_because varchar(300),
    primary key (clock_id, threshold_id)
);
