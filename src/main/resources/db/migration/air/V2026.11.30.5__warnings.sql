-- Heavy-pollution weather warnings: forecasts, warnings with every level change, the emergency reduction list.
create table air.forecast (
    day        date        not null primary key,
    aqi        int         not null check (aqi between 0 and 500),
    updated_at timestamptz not null,
    updated_by text        not null
);

create table air.warning (
    id           bigserial primary key,
    scheme       text        not null check (scheme in ('2017', '2018')),
    level        text        not null check (level in ('BLUE', 'YELLOW', 'ORANGE', 'RED')),
    status       text        not null check (status in ('ACTIVE', 'LIFTED')),
    document_no  text        not null,
    reason       text        not null,
    starts_at    timestamptz not null,
    ends_at      timestamptz,
    issued_at    timestamptz not null,
    issued_by    text        not null,
    lifted_at    timestamptz,
    forecast     text        not null,
    version      int         not null default 0
);
create unique index warning_one_active on air.warning ((status)) where status = 'ACTIVE';

create table air.warning_change (
    id          bigserial primary key,
    warning_id  bigint      not null references air.warning (id),
    action      text        not null check (action in ('ISSUED', 'RAISED', 'LOWERED', 'LIFTED')),
    from_level  text,
    to_level    text,
    reason      text        not null,
    at          timestamptz not null,
    by_user     text        not null
);
create index warning_change_warning_idx on air.warning_change (warning_id, id);

-- 应急减排清单: per warning level, an enterprise's measures and expected reductions (tonnes per day).
create table air.reduction_item (
    id              bigserial primary key,
    level           text    not null check (level in ('YELLOW', 'ORANGE', 'RED')),
    enterprise_code text    not null,
    enterprise_name text    not null,
    region_code     text    not null,
    measures        text    not null,
    so2             numeric(12, 4) not null default 0 check (so2 >= 0),
    nox             numeric(12, 4) not null default 0 check (nox >= 0),
    pm              numeric(12, 4) not null default 0 check (pm >= 0),
    vocs            numeric(12, 4) not null default 0 check (vocs >= 0),
    unique (level, enterprise_code)
);

-- 全社会排放总量: the city's total emissions per day (tonnes) that the ratios are checked against.
create table air.emission_baseline (
    pollutant text primary key check (pollutant in ('SO2', 'NOX', 'PM', 'VOCS')),
    tonnes    numeric(14, 4) not null check (tonnes > 0)
);
