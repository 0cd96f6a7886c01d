-- Supervisors' triage rules, applied in order to every customer message. Conditions and actions are
-- JSON so that a new kind of condition needs no migration; they are validated when saved, not here.
create table triage_rules (
    id         bigserial    primary key,
    name       varchar(120) not null,
    position   int          not null,
    enabled    boolean      not null default true,
    stop       boolean      not null default false,
    conditions jsonb        not null,
    actions    jsonb        not null,
    created_at timestamptz  not null default now(),
    updated_at timestamptz  not null default now()
);
create index triage_rules_in_order on triage_rules (position, id);

-- Who changed which rule, when, and how it read before and after. Kept when the rule is deleted.
create table triage_rule_audit (
    id         bigserial    primary key,
    rule_id    bigint,
    rule_name  varchar(120),
    change     varchar(12)  not null
        check (change in ('CREATED', 'CHANGED', 'DELETED', 'REORDERED', 'ENABLED', 'DISABLED')),
    actor_id   bigint       not null references users (id),
    actor_name varchar(200) not null,
    at         timestamptz  not null default now(),
    before     jsonb,
    after      jsonb
);
create index triage_rule_audit_recent on triage_rule_audit (id desc);
