-- A reply in the outbox carries the correlation id of the customer's message it answers, into the log lines
-- about sending it.
alter table outbox add column correlation_id varchar(250);
