-- What the web chat widget shows a visitor: their messages and the team's replies. The widget reads it
-- on load and catches up from it after a reconnect, so a reply is never only in one node's memory.
create table webchat_transcripts (
    id          bigserial primary key,
    account     varchar(200) not null,
    visitor     varchar(40)  not null,
    side        varchar(10)  not null check (side in ('VISITOR', 'TEAM')),
    external_id varchar(200) not null,
    text        text         not null,
    at          timestamptz  not null,
    constraint webchat_transcripts_once unique (account, external_id)
);
create index webchat_transcripts_by_visitor on webchat_transcripts (account, visitor, id);
