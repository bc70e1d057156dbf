-- Pollution-source online monitoring: devices (数采仪), the raw packet log, readings, quarantine, rejects, alarms.
create schema if not exists monitoring;

create table monitoring.device (
    id                  bigserial primary key,
    mn                  text        not null unique check (mn ~ '^[0-9A-Za-z]{1,24}$'),
    password_hash       text        not null,
    system_type         text        not null check (system_type ~ '^[0-9A-Z]{2}$'),
    protocol            text        not null default 'AUTO' check (protocol in ('AUTO', 'HJ212_2005', 'HJ212_2017')),
    name                text        not null check (length(name) between 1 and 200),
    enterprise_id       bigint,
    credit_code         char(18),
    outlet_code         text,
    station_id          bigint,
    region_code         text        not null,
    zone_code           text,
    industry_code       text,
    expected_interval_s int         not null default 60 check (expected_interval_s between 10 and 86400),
    tolerant_crc        boolean     not null default false,
    max_segment         int         not null default 1024 check (max_segment between 1024 and 4096),
    enabled             boolean     not null default true,
    last_seen           timestamptz,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    version             int         not null default 0,
    check ((enterprise_id is null) <> (station_id is null))
);
create index device_region_idx on monitoring.device (region_code, id);
create index device_enterprise_idx on monitoring.device (credit_code) where credit_code is not null;

-- Emission limit of a monitored outlet, per pollutant; compared with converted (折算) values by default.
create table monitoring.emission_limit (
    device_id   bigint  not null references monitoring.device (id) on delete cascade,
    pollutant   text    not null,
    limit_value numeric not null check (limit_value > 0),
    converted   boolean not null default true,
    data_cn     smallint not null default 2051 check (data_cn in (2011, 2051, 2061, 2031)),
    sustained   int     not null default 3 check (sustained between 1 and 100),
    primary key (device_id, pollutant)
);

-- Every valid packet as received, before parsing. packet_time is DataTime, or the receive time without one;
-- (device, packet_time, digest) makes a resent packet a no-op.
create table monitoring.packet (
    device_id   bigint      not null,
    packet_time timestamptz not null,
    digest      bigint      not null,
    received_at timestamptz not null,
    cn          text,
    qn          text,
    flag        smallint,
    version     smallint    not null,
    clock_skew  boolean     not null default false,
    raw         bytea       not null,
    primary key (device_id, packet_time, digest)
) partition by range (packet_time);

-- Factor values of data packets (2011 real-time, 2051 minute, 2061 hour, 2031 day), one row per factor,
-- the first value of a key kept. Monthly partitions are created on demand.
create table monitoring.reading (
    device_id   bigint           not null,
    pollutant   text             not null,
    cn          smallint         not null,
    data_time   timestamptz      not null,
    rtd         double precision,
    avg         double precision,
    min         double precision,
    max         double precision,
    cou         double precision,
    zs_rtd      double precision,
    zs_avg      double precision,
    zs_min      double precision,
    zs_max      double precision,
    zs_cou      double precision,
    flag        char(1),
    legacy_code text,
    received_at timestamptz      not null,
    primary key (device_id, pollutant, cn, data_time)
) partition by range (data_time);

-- Packets from unknown devices or with a wrong password: kept, not in the readings, listed for an administrator.
create table monitoring.quarantine (
    id          bigserial primary key,
    received_at timestamptz not null,
    mn          text,
    reason      text        not null,
    remote      text,
    raw         bytea       not null,
    released_at timestamptz
);
create index quarantine_open_idx on monitoring.quarantine (mn, id) where released_at is null;

-- Frames rejected by the decoder (bad CRC, bad length, malformed) with their reason.
create table monitoring.reject (
    id          bigserial primary key,
    received_at timestamptz not null,
    reason      text        not null,
    detail      text,
    remote      text,
    raw         bytea       not null
);
create index reject_time_idx on monitoring.reject (received_at desc);

create table monitoring.alarm (
    id            bigserial primary key,
    device_id     bigint      not null references monitoring.device (id),
    kind          text        not null check (kind in ('EXCEEDANCE', 'OFFLINE', 'FLAG')),
    pollutant     text        not null default '',
    credit_code   char(18),
    region_code   text        not null,
    zone_code     text,
    industry_code text,
    status        text        not null default 'OPEN' check (status in ('OPEN', 'ACKNOWLEDGED', 'CLOSED')),
    first_at      timestamptz not null,
    last_at       timestamptz not null,
    occurrences   int         not null default 1,
    value         double precision,
    limit_value   numeric,
    flag          char(1),
    ack_by        text,
    ack_at        timestamptz,
    ack_note      text,
    closed_by     text,
    closed_at     timestamptz,
    close_note    text,
    hazard_id     bigint,
    created_at    timestamptz not null,
    version       int         not null default 0
);
create unique index alarm_active_idx on monitoring.alarm (device_id, kind, pollutant) where status <> 'CLOSED';
create index alarm_region_idx on monitoring.alarm (region_code, status, id desc);
