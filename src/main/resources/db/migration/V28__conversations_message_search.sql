-- Message search (ADR 0011): every message's words, lower-cased and unstemmed ('simple'), so a search finds the same
-- words in any language, product names and order numbers included. Stored, so a search checks a row without
-- re-reading its text; the GIN index finds the messages that hold a word.
alter table messages add column search_vector tsvector generated always as (to_tsvector('simple', text)) stored;
create index messages_search on messages using gin (search_vector);

-- Search results come newest first: a walk down this index stops as soon as a page is full when a word is common.
create index conversations_by_last_message on conversations (last_message_at desc, id desc);
