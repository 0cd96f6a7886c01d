-- A supervisor who has a queue in hand mutes its service-level alerts for their shift; the others still see them.
-- queue_key '' stands for conversations in no queue.
create table triage_alert_mutes (
    user_id   bigint      not null references users (id) on delete cascade,
    queue_key varchar(80) not null,
    until     timestamptz not null,
    primary key (user_id, queue_key)
);
