-- Accounts, roles and their scope (region, department or enterprise), and personal API tokens.
create schema if not exists identity;

create table identity.app_user (
    id              bigserial primary key,
    username        text        not null unique check (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
    display_name    text        not null check (length(display_name) between 1 and 100),
    password_hash   text        not null,
    role            text        not null check (role in ('SYSTEM_ADMIN', 'CITY_LEADER', 'CITY_SUPERVISOR',
                                    'DEPARTMENT_SUPERVISOR', 'COUNTY_SUPERVISOR', 'INSPECTOR', 'ENTERPRISE_OFFICER')),
    region_code     text        not null,
    department_id   bigint,
    enterprise_code text,
    enabled         boolean     not null default true,
    failed_attempts int         not null default 0,
    locked_until    timestamptz,
    created_at      timestamptz not null default now(),
    version         int         not null default 0,
    check (role <> 'DEPARTMENT_SUPERVISOR' or department_id is not null),
    check (role <> 'ENTERPRISE_OFFICER' or enterprise_code is not null)
);
create index app_user_region_idx on identity.app_user (region_code);

create table identity.api_token (
    id           bigserial primary key,
    user_id      bigint      not null references identity.app_user (id),
    name         text        not null check (length(name) between 1 and 100),
    token_hash   char(64)    not null unique,
    prefix       text        not null,
    created_at   timestamptz not null,
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_token_user_idx on identity.api_token (user_id);
