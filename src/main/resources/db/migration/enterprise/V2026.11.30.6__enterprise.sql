-- The enterprise registry. The unified social credit code is the one key across modules.
create schema if not exists enterprise;

create table enterprise.enterprise (
    id                    bigserial primary key,
    credit_code           char(18)    not null unique,
    name                  text        not null check (length(name) between 1 and 200),
    region_code           text        not null,
    zone_code             text,
    address               text,
    latitude              numeric(9, 6) check (latitude between -90 and 90),
    longitude             numeric(9, 6) check (longitude between -180 and 180),
    industry_code         text        not null,
    gbt4754_code          text check (gbt4754_code ~ '^[A-T]([0-9]{2,4})?$'),
    department_id         bigint,
    department_overridden boolean     not null default false,
    scale                 text check (scale in ('LARGE', 'MEDIUM', 'SMALL', 'MICRO')),
    employees             int check (employees >= 0),
    legal_representative  text,
    safety_manager        text,
    safety_manager_phone  text,
    standardization_grade smallint check (standardization_grade between 1 and 3),
    key_pollutant_unit    boolean     not null default false,
    status                text        not null default 'OPERATING' check (status in ('OPERATING', 'SUSPENDED', 'CLOSED')),
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    version               int         not null default 0
);
create index enterprise_region_idx on enterprise.enterprise (region_code, id);
create index enterprise_zone_idx on enterprise.enterprise (zone_code, id) where zone_code is not null;
create index enterprise_industry_idx on enterprise.enterprise (industry_code, id);
