-- Risk points of enterprises assessed by LEC or LS, and the configurable bands that map scores to levels.
create schema if not exists risk;

-- A band set per method and industry (null = the default for all industries), versioned: a change adds a new
-- version, and every assessment keeps the version it was graded with. A level applies when score > lower_bound.
create table risk.band (
    method        text    not null check (method in ('LEC', 'LS')),
    industry_code text    not null default '*',
    version       int     not null,
    level         smallint not null check (level between 1 and 3),
    lower_bound   numeric(10, 2) not null,
    created_at    timestamptz not null default now(),
    primary key (method, industry_code, version, level)
);
insert into risk.band (method, industry_code, version, level, lower_bound) values
    ('LEC', '*', 1, 1, 320), ('LEC', '*', 1, 2, 160), ('LEC', '*', 1, 3, 70),
    ('LS', '*', 1, 1, 16), ('LS', '*', 1, 2, 12), ('LS', '*', 1, 3, 8);

create table risk.point (
    id               bigserial primary key,
    enterprise_id    bigint      not null,
    credit_code      char(18)    not null,
    region_code      text        not null,
    zone_code        text,
    industry_code    text        not null,
    name             text        not null check (length(name) between 1 and 200),
    kind             text        not null check (kind in ('SITE', 'EQUIPMENT', 'OPERATION')),
    method           text        not null check (method in ('LEC', 'LS')),
    l                numeric(4, 1) not null,
    e                numeric(4, 1),
    c                numeric(5, 1),
    s                numeric(4, 1),
    score            numeric(10, 2) not null,
    level            smallint    not null check (level between 1 and 4),
    band_version     text        not null,
    control_measures text        not null,
    responsible_post text        not null,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    version          int         not null default 0
);
create index point_enterprise_idx on risk.point (enterprise_id);
create index point_region_idx on risk.point (region_code, level);
