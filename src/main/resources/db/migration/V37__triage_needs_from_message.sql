-- The first message whose needs count towards an unresolved conversation's priority: a second reading of a
-- message (ADR 0015) works the needs out again from the messages since then. Null for conversations triaged
-- before it was kept: all their messages count.
alter table triage_conversations add column needs_from_message bigint;
