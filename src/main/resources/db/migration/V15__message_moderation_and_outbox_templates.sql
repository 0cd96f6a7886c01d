-- What the team did to a customer's public comment on the network: liked it, hid it. One row per message,
-- written only after the network took the change.
create table message_moderation (
    message_id bigint      primary key references messages (id) on delete cascade,
    liked      boolean     not null default false,
    hidden     boolean     not null default false,
    updated_by bigint,
    updated_at timestamptz not null default now()
);

-- A reply sent as an approved template (WhatsApp outside its 24-hour window): its name, language and the values of
-- its variables in order. The filled-in text stays in "text", as the customer reads it.
alter table outbox
    add column template_name      varchar(512),
    add column template_language  varchar(20),
    add column template_variables text[];
