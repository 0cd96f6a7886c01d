-- A bot that hands a conversation over leaves colleagues a note with what it did and why; no person wrote it.
alter table notes alter column author_user_id drop not null;
