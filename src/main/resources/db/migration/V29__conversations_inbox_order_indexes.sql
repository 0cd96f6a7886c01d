-- The inbox list is ordered by priority, then by how long the customer has waited -- coalesce(last customer message,
-- created) -- then id (InboxQueries, and "take next" in TriageDecisions). The indexes of V3 and V7 name
-- last_customer_message_at alone, so PostgreSQL could not read a page off them and sorted every match instead. These
-- follow the list's order exactly, so a page is read off an index and stops after its rows; measured with
-- bench/inbox-at-size.sh (ADR 0011).
drop index conversations_queue;
create index conversations_inbox_open
    on conversations (priority desc, coalesce(last_customer_message_at, created_at), id) where status <> 'RESOLVED';

-- Resolved and "all" read every conversation, not only open ones.
create index conversations_inbox_all on conversations (priority desc, coalesce(last_customer_message_at, created_at), id);

drop index conversations_by_queue;
create index conversations_inbox_by_queue
    on conversations (queue, priority desc, coalesce(last_customer_message_at, created_at), id)
    where status <> 'RESOLVED';

-- "Mine" and "unassigned"; its leading column still serves the count of each agent's open conversations.
drop index conversations_assignee;
create index conversations_inbox_by_assignee
    on conversations (assignee_id, priority desc, coalesce(last_customer_message_at, created_at), id)
    where status <> 'RESOLVED';
