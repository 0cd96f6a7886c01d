-- The inbox at size: contacts, profiles, agents, conversations and messages written straight into a fresh Heard's
-- tables by generate_series (no HTTP, no Heard code), run by InboxAtSize.java statement by statement.
-- Placeholders (replaced before running): :conversations, :messages, :long (conversations with :long_size messages
-- each, the rest share the other messages evenly, about five each), :agents, :now (the load's clock, ISO timestamp).
-- Everything is a pure function of ids, so the data is the same on every run of the same sizes.

set work_mem = '256MB';
set maintenance_work_mem = '256MB';
-- Loading is not a customer's delivery: waiting for each commit's flush buys nothing here.
set synchronous_commit = off;

-- h(seed, n): a number from 0 to n - 1 that looks random but is the same for the same seed.
create function pg_temp.h(seed bigint, n int) returns int language sql immutable parallel safe as $$
    select ((hashint8(seed)::bigint + 2147483648) % n)::int
$$;

create function pg_temp.pick(options text[], seed bigint) returns text language sql immutable parallel safe as $$
    select options[1 + pg_temp.h(seed, cardinality(options))]
$$;

-- What customers and agents write: a vocabulary of care conversations in a few languages, order and account
-- numbers that are almost unique (for searches that find one message), emoji and handles.
create function pg_temp.customer_text(i bigint) returns text language sql immutable parallel safe as $$
    select concat_ws(' ',
        nullif(pg_temp.pick(array['', '', 'Hi,', 'Hello', 'Hey @brand', 'Excuse me,', 'Seriously?', 'Good morning,',
            'ugh', '@brand', 'Quick question:', 'Hallo,', 'Hola,'], i * 4), ''),
        pg_temp.pick(array['my parcel has not arrived yet', 'I was charged twice for my order',
            'still waiting for my refund', 'the app keeps crashing when I log in',
            'no internet since this morning, is there an outage?', 'my router keeps rebooting every hour',
            'how do I change my delivery address?', 'the courier left my package in the rain',
            'my bill is higher than last month', 'can I upgrade my broadband plan?',
            'the replacement phone arrived broken', 'I cannot reset my password',
            'your website says out of stock again', 'the delivery was marked delivered but nothing came',
            'my contract says one thing and the bill another', 'signal is terrible in my area',
            'I want to cancel my subscription', 'the discount code does not work at checkout',
            'the card payment was declined but the money left my account',
            'the engineer never showed up for the appointment', 'my data allowance ran out way too fast',
            'meine Bestellung ist noch nicht angekommen', 'mi pedido no ha llegado todavía',
            'ma commande n''est toujours pas arrivée', 'thanks, that fixed it!', 'ok will try that',
            'still not working', 'any news on this?'], i * 4 + 1),
        nullif(pg_temp.pick(array['', '', '', 'since Monday', 'for the third time', 'after the last update',
            'and nobody answers the phone', 'in Manchester', 'on my iPhone', 'on Android', 'two weeks now',
            'order #' || (100000 + pg_temp.h(i * 4 + 2, 900000)),
            'account ' || (40000000 + pg_temp.h(i * 4 + 3, 9999999))], i * 4 + 2), ''),
        nullif(pg_temp.pick(array['', '', 'Please help!', 'Any update?', 'Thanks', 'This is ridiculous.', '😡', '🙏',
            'DM me', 'can you help?', 'really disappointed', '#fail'], i * 4 + 3), ''))
$$;

create function pg_temp.agent_text(i bigint) returns text language sql immutable parallel safe as $$
    select concat_ws(' ',
        pg_temp.pick(array['Sorry to hear that.', 'Thanks for reaching out!', 'Hi there,', 'Apologies for the wait.',
            'Thanks for your patience.'], i * 4),
        pg_temp.pick(array['Could you send us your order number by DM?',
            'I have checked and your refund is on its way.',
            'Our engineers are working on the outage in your area.', 'I have rebooked the courier for tomorrow.',
            'Please restart the router and let us know if it helps.', 'I have passed this to our billing team.',
            'The replacement ships today.', 'You can change the address under My orders.',
            'I have reset the discount code for you.'], i * 4 + 1),
        pg_temp.pick(array['– Ana', '– Ben', '^JS', '– Priya', ''], i * 4 + 2))
$$;

-- Conversations: ids 1 .. :conversations, oldest first over a year; the last :long ones are long-running threads.
create function pg_temp.is_long(c bigint) returns boolean language sql immutable parallel safe as $$
    select c > :conversations - :long
$$;

create function pg_temp.created(c bigint) returns timestamptz language sql immutable parallel safe as $$
    select case when pg_temp.is_long(c)
        then timestamptz ':now' - (:long_size + 1) * interval '1 hour'
        else timestamptz ':now' - interval '6 hours'
             - (:conversations - c) * (31536000.0 / :conversations) * interval '1 second' end
$$;

create function pg_temp.gap(c bigint) returns interval language sql immutable parallel safe as $$
    select case when pg_temp.is_long(c) then interval '1 hour'
        else (1 + pg_temp.h(c * 7, 60)) * interval '1 minute' end
$$;

-- Messages of ordinary conversations are spread evenly: message j (from 0) belongs to floor(j * n / r) + 1.
create function pg_temp.first_message(c bigint) returns bigint language sql immutable parallel safe as $$
    select ((c - 1) * (:messages - :long * :long_size) + (:conversations - :long) - 1) / (:conversations - :long)
$$;

create function pg_temp.message_count(c bigint) returns int language sql immutable parallel safe as $$
    select case when pg_temp.is_long(c) then :long_size
        else (pg_temp.first_message(c + 1) - pg_temp.first_message(c))::int end
$$;

-- The id of a conversation's message at position p (customers write at even positions, agents at odd ones).
create function pg_temp.message_id(c bigint, p int) returns bigint language sql immutable parallel safe as $$
    select case when pg_temp.is_long(c)
        then (:messages - :long * :long_size) + (c - (:conversations - :long) - 1) * :long_size + p + 1
        else pg_temp.first_message(c) + p + 1 end
$$;

create function pg_temp.message_text(c bigint, p int) returns text language sql immutable parallel safe as $$
    select case when p % 2 = 0 then pg_temp.customer_text(pg_temp.message_id(c, p))
        else pg_temp.agent_text(pg_temp.message_id(c, p)) end
$$;

insert into users (email, display_name, password_hash, role)
select 'agent' || g || '@bench.example',
       pg_temp.pick(array['Ana', 'Ben', 'Priya', 'Tomás', 'Mei', 'Jonas', 'Aisha', 'Lukas', 'Sofia', 'Kwame'], g) || ' '
           || pg_temp.pick(array['García', 'Smith', 'Patel', 'Nowak', 'Chen', 'Müller', 'Okafor', 'Rossi'], g * 3),
       '!no-password: agents of the benchmark cannot sign in', case when g % 20 = 0 then 'SUPERVISOR' else 'AGENT' end
from generate_series(1, :agents) g;

-- The benchmark's admin is one of the team, so "mine" has conversations to show.
create temporary table team as select array_agg(id order by id) ids from users where role <> 'SUPERVISOR';

-- One profile per contact, and a second one on another network for every tenth.
insert into contacts (id, display_name, created_at)
select k, pg_temp.pick(array['María', 'John', 'Aiko', 'Olu', 'Fatima', 'Liam', 'Chloé', 'Arjun', 'Noah', 'Zoe',
              'Emre', 'Sven', 'Ana', 'Wei', 'Lena'], k) || ' '
          || pg_temp.pick(array['García', 'Smith', 'Tanaka', 'Adeyemi', 'Khan', 'Murphy', 'Dubois', 'Iyer', 'Brown',
              'Kowalski', 'Yilmaz', 'Berg', 'Costa', 'Li', 'Novak'], k * 5),
       timestamptz ':now' - interval '400 days'
from generate_series(1, ceil(:conversations * 0.75)::bigint) k;

create temporary table networks as
select array['x', 'x', 'x', 'x', 'x', 'x', 'whatsapp', 'whatsapp', 'whatsapp', 'whatsapp', 'facebook', 'facebook',
             'instagram', 'instagram', 'email', 'email', 'webchat', 'telegram', 'mastodon', 'bluesky'] names;

insert into channel_identities (id, contact_id, channel, external_id, handle, display_name, followers_count, updated_at)
select p, contact, channel, channel || '-user-' || p, lower(split_part(c.display_name, ' ', 1)) || '_' || p,
       c.display_name, pg_temp.h(p * 11, 5000), timestamptz ':now' - interval '1 day'
from (select p, case when p <= k then p else (p - k) * 10 end contact,
             pg_temp.pick((select names from networks), p * 13) channel
      from (select ceil(:conversations * 0.75)::bigint k) sizes,
           generate_series(1, ceil(:conversations * 0.75)::bigint + ceil(:conversations * 0.75)::bigint / 10) p) ids
join contacts c on c.id = ids.contact;

create temporary table profiles as select count(*) n from channel_identities;

insert into conversations (id, channel, account, contact_id, identity_id, visibility, status, priority, assignee_id,
                           last_message_preview, created_at, first_response_at, last_customer_message_at,
                           last_message_at, resolved_at, priority_reason, queue, tags, due_at, due_what)
select c, i.channel, 'heardbrand', i.contact_id, i.id, s.visibility, s.status, s.priority,
       case when s.status = 'NEW' or pg_temp.h(c * 17, 100) < 10 then null
            else (select ids from team)[1 + pg_temp.h(c * 19, cardinality((select ids from team)))] end,
       left(pg_temp.message_text(c, s.last), 300),
       pg_temp.created(c),
       case when s.last >= 1 then pg_temp.created(c) + pg_temp.gap(c) end,
       pg_temp.created(c) + (s.last - s.last % 2) * pg_temp.gap(c),
       pg_temp.created(c) + s.last * pg_temp.gap(c),
       case when s.status = 'RESOLVED' then pg_temp.created(c) + s.last * pg_temp.gap(c) + interval '10 minutes' end,
       case when s.priority >= 80 then 'complaint · negative (-0.85) · urgent: charged twice'
            when s.priority >= 50 then 'complaint · negative (-0.64)'
            when s.priority >= 20 then 'negative (-0.31)' else '' end,
       pg_temp.pick(array['general', 'general', 'general', 'billing', 'billing', 'delivery', 'delivery', 'technical',
           'technical', 'retention', 'de', 'es'], c * 23),
       case when pg_temp.h(c * 29, 100) < 3
                then array[pg_temp.pick(array['refund', 'outage', 'broadband'], c), 'repeat-contact']
            when pg_temp.h(c * 29, 100) < 15
                then array[pg_temp.pick(array['refund', 'outage', 'broadband', 'mobile', 'late-delivery'], c * 31)]
            else '{}' end,
       case when s.status <> 'RESOLVED'
            then pg_temp.created(c) + (s.last - s.last % 2) * pg_temp.gap(c) + interval '1 hour' end,
       case when s.status = 'NEW' then 'first response' when s.status = 'OPEN' then 'next response' end
from generate_series(1, :conversations) c
join channel_identities i on i.id = 1 + (c - 1) % (select n from profiles)
cross join lateral (
    select v.visibility, pg_temp.message_count(c) - 1 last,
           -- One open private conversation per profile: older private ones that would share a profile are resolved.
           case when v.visibility = 'PRIVATE' and c <= :conversations - (select n from profiles) then 'RESOLVED'
                else st.status end status,
           case when pg_temp.h(c * 37, 100) < 50 then pg_temp.h(c * 41, 20)
                when pg_temp.h(c * 37, 100) < 80 then 20 + pg_temp.h(c * 41, 30)
                when pg_temp.h(c * 37, 100) < 95 then 50 + pg_temp.h(c * 41, 30)
                else 80 + pg_temp.h(c * 41, 21) end priority
    from (select case when i.channel in ('whatsapp', 'email', 'webchat', 'telegram')
                           or pg_temp.h(c * 43, 100) < 40 then 'PRIVATE' else 'PUBLIC' end visibility) v,
         (select case when pg_temp.is_long(c) then 'OPEN'
                      when c > :conversations * 0.9 then pg_temp.pick(array['NEW', 'NEW', 'NEW', 'NEW', 'NEW', 'OPEN',
                          'OPEN', 'OPEN', 'OPEN', 'OPEN', 'OPEN', 'OPEN', 'PENDING', 'PENDING', 'PENDING', 'RESOLVED',
                          'RESOLVED', 'RESOLVED', 'RESOLVED', 'RESOLVED'], c * 47)
                      else pg_temp.pick(array['NEW', 'OPEN', 'OPEN', 'OPEN', 'PENDING', 'PENDING'] || array_fill(
                          'RESOLVED'::text, array[194]), c * 47) end status) st) s;

insert into messages (id, conversation_id, direction, channel, account, author_identity_id, author_user_id, text,
                      visibility, external_id, delivery_state, sent_at, recorded_at)
select pg_temp.message_id(m.c, m.p), m.c, case when m.p % 2 = 0 then 'INBOUND' else 'OUTBOUND' end,
       c.channel, c.account,
       case when m.p % 2 = 0 then c.identity_id end,
       case when m.p % 2 = 1 then coalesce(c.assignee_id, (select ids[1] from team)) end,
       pg_temp.message_text(m.c, m.p), c.visibility,
       'bench-' || pg_temp.message_id(m.c, m.p),
       case when m.p % 2 = 0 then 'RECEIVED' else 'SENT' end,
       pg_temp.created(m.c) + m.p * pg_temp.gap(m.c), pg_temp.created(m.c) + m.p * pg_temp.gap(m.c)
from (select c, generate_series(0, pg_temp.message_count(c) - 1) p from generate_series(1, :conversations) c) m
join conversations c on c.id = m.c;

select setval('users_id_seq', (select max(id) from users));
select setval('contacts_id_seq', (select max(id) from contacts));
select setval('channel_identities_id_seq', (select max(id) from channel_identities));
select setval('conversations_id_seq', (select max(id) from conversations));
select setval('messages_id_seq', (select max(id) from messages));
