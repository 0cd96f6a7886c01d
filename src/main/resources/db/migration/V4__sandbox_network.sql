-- The built-in simulated network: its own people and posts, reaching Heard only through webhooks.
create table sandbox_personas (
    id        bigserial primary key,
    handle    varchar(60)  not null unique,
    name      varchar(120) not null,
    followers bigint       not null default 0,
    brand     boolean      not null default false
);

create table sandbox_posts (
    id              bigserial primary key,
    persona_id      bigint      not null references sandbox_personas (id),
    text            text        not null,
    in_reply_to     bigint references sandbox_posts (id),
    private         boolean     not null default false,
    recipient_id    bigint references sandbox_personas (id),
    idempotency_key varchar(100) unique,
    created_at      timestamptz not null default now(),
    delivered_at    timestamptz,
    delivery_attempts int       not null default 0
);
create index sandbox_posts_undelivered on sandbox_posts (id) where delivered_at is null;

insert into sandbox_personas (handle, name, followers, brand) values
    ('heardbrand', 'Heard Demo Brand', 48200, true),
    ('maria_g', 'María García', 12, false),
    ('tom.builds', 'Tom Okafor', 1200000, false),
    ('aiko', 'Aiko Tanaka', 340, false),
    ('sam_r', 'Sam Rivera', 5100, false),
    ('lena.k', 'Lena Kowalski', 87, false);
