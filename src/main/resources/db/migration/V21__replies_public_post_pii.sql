-- Personal data a customer posted in public, found as the post arrived: its kinds, where it is (start and end of
-- each finding, in pairs) and the text as Heard shows it, masked. The message keeps what the customer wrote.
create table message_pii (
    message_id      bigint      primary key references messages (id) on delete cascade,
    conversation_id bigint      not null,
    channel         varchar(40) not null,
    kinds           text[]      not null,
    spans           int[]       not null,
    masked_text     text        not null,
    found_at        timestamptz not null default now()
);
create index message_pii_conversation on message_pii (conversation_id);
