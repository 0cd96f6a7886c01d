-- A reply can wait before it goes out: held for approval, handed back, scheduled for later, or withdrawn.
alter table messages drop constraint messages_delivery_state_check;
alter table messages add constraint messages_delivery_state_check check (delivery_state in
    ('RECEIVED', 'PENDING', 'SENT', 'FAILED', 'HELD', 'RETURNED', 'SCHEDULED', 'CANCELLED'));
alter table messages alter column delivery_state type varchar(12);
alter table messages add column scheduled_for timestamptz;
alter table messages add column hold_note text;
create index messages_scheduled on messages (scheduled_for) where delivery_state = 'SCHEDULED';
