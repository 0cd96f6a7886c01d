-- The outbox also carries the brand's own posts, which belong to no conversation: such an entry names
-- the post instead of a message, and its outcome is announced as a post's.
alter table outbox alter column message_id drop not null;
alter table outbox add column post_id bigint;
alter table outbox add constraint outbox_message_or_post check ((message_id is null) <> (post_id is null));

-- Who sent a held reply back to its author, so the author reads whose comment it is.
alter table messages add column returned_by bigint;
