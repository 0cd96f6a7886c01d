-- What triage decided about a conversation, kept with it so the inbox reads one table.
alter table conversations add column priority_reason varchar(500) not null default '';
alter table conversations add column queue varchar(80);
alter table conversations add column tags text[] not null default '{}';
alter table conversations add column due_at timestamptz;
alter table conversations add column due_what varchar(40);

create index conversations_by_queue on conversations (queue, priority desc, last_customer_message_at, id)
    where status <> 'RESOLVED';
create index conversations_by_tag on conversations using gin (tags);

-- Automated replies (away replies, acknowledgements) are the team's, but never a person's response.
alter table messages add column automated boolean not null default false;
