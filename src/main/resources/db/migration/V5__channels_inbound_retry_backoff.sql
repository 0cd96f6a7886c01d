-- A delivery whose processing failed waits before it is tried again, instead of being retried at once.
alter table inbound_events add column next_attempt_at timestamptz not null default now();
