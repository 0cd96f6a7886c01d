-- Whether a send was started and has no outcome yet. A claim that finds it still set means the node
-- sending it died mid-send: the network may have the reply. Networks without an idempotency key are then
-- not sent to again; an agent looks first.
alter table outbox add column in_flight boolean not null default false;
