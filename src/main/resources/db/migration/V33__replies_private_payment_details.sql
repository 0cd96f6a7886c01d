-- Payment details (card and account numbers) a customer sends in a private message are masked for every agent too;
-- a supervisor may reveal one, and each reveal is kept: who read which message, when.
alter table message_pii add column private boolean not null default false;

create table message_pii_reveals (
    id              bigserial   primary key,
    message_id      bigint      not null references messages (id) on delete cascade,
    conversation_id bigint      not null,
    user_id         bigint      not null references users (id),
    revealed_at     timestamptz not null default now()
);
create index message_pii_reveals_message on message_pii_reveals (message_id);
