-- Saved replies: starting points an agent picks in the composer and then edits. A team-wide one has no owner and is
-- kept by supervisors; a personal one belongs to the agent who saved it.
create table saved_replies (
    id         bigserial    primary key,
    owner_id   bigint       references users (id) on delete cascade,
    title      varchar(120) not null,
    text       text         not null,
    channel    varchar(40),
    tags       text[]       not null default '{}',
    shortcut   varchar(40),
    updated_by bigint       not null references users (id),
    updated_at timestamptz  not null default now()
);
create unique index saved_replies_team_shortcut on saved_replies (shortcut) where owner_id is null;
create unique index saved_replies_own_shortcut on saved_replies (owner_id, shortcut) where owner_id is not null;
create index saved_replies_owner on saved_replies (owner_id);

-- How agents sign replies on each channel, as supervisors set it; a channel without a row is not signed.
create table reply_signatures (
    channel    varchar(40) primary key,
    style      varchar(12) not null check (style in ('NONE', 'INITIALS', 'FIRST_NAME', 'FULL_NAME')),
    updated_by bigint      not null references users (id),
    updated_at timestamptz not null default now()
);
