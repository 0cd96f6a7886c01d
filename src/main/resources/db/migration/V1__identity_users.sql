create table users (
    id            bigserial primary key,
    email         varchar(320) not null,
    display_name  varchar(200) not null,
    password_hash varchar(500) not null,
    role          varchar(20)  not null check (role in ('ADMIN', 'SUPERVISOR', 'AGENT')),
    enabled       boolean      not null default true,
    created_at    timestamptz  not null default now()
);
create unique index users_email_key on users (lower(email));

-- Only a hash of each API token is kept; the token itself is shown once.
create table api_tokens (
    id           bigserial primary key,
    user_id      bigint      not null references users (id),
    token_hash   varchar(64) not null unique,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz not null
);
