-- A customer's message keeps its delivery's correlation id (channel:delivery id): log lines carry it from the
-- webhook to the reply that answers the message.
alter table messages add column correlation_id varchar(250);
