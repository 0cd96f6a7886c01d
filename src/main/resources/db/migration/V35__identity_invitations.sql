-- An admin invites someone instead of typing a password for them: a link that works once, for a week, lets the person
-- choose their own. Only the link's SHA-256 is kept.
create table identity_invitations (
    token_hash varchar(64) primary key,
    user_id    bigint      not null references users (id) on delete cascade,
    invited_by bigint      references users (id) on delete set null,
    expires_at timestamptz not null,
    used_at    timestamptz
);
create index identity_invitations_by_user on identity_invitations (user_id);
