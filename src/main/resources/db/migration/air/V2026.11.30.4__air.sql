-- Air-quality stations, their hourly and daily data with the AQI of the standard in force for the data's date.
create schema if not exists air;

create table air.station (
    id          bigserial primary key,
    code        text        not null unique check (code ~ '^[0-9A-Za-z_-]{2,32}$'),
    name        text        not null,
    name_en     text        not null,
    kind        text        not null check (kind in ('NATIONAL', 'PROVINCIAL', 'CITY', 'COUNTY')),
    region_code text        not null,
    latitude    numeric(9, 6),
    longitude   numeric(9, 6),
    active      boolean     not null default true,
    version     int         not null default 0
);
create index station_region_idx on air.station (region_code);

-- One row per station and hour (the hour's start, city time). Concentrations are 1-h means exactly as received
-- (µg/m³; CO mg/m³); null = missing or invalid. Sliding means and the real-time AQI are derived at import.
create table air.hourly (
    station_id  bigint      not null references air.station (id),
    hour        timestamptz not null,
    so2         numeric(10, 3),
    no2         numeric(10, 3),
    co          numeric(10, 3),
    o3          numeric(10, 3),
    pm10        numeric(10, 3),
    pm25        numeric(10, 3),
    o3_8h       numeric(10, 3),
    pm10_24h    numeric(10, 3),
    pm25_24h    numeric(10, 3),
    standard    text,
    aqi         int,
    level       smallint,
    primary_pollutants text,
    primary key (station_id, hour)
);
create index hourly_hour_idx on air.hourly (hour);

-- One row per station and day, with the validity rules of GB 3095-2012 applied (null = not enough valid hours).
create table air.daily (
    station_id  bigint not null references air.station (id),
    day         date   not null,
    so2         numeric(10, 3),
    no2         numeric(10, 3),
    co          numeric(10, 3),
    o3_1h_max   numeric(10, 3),
    o3_8h_max   numeric(10, 3),
    pm10        numeric(10, 3),
    pm25        numeric(10, 3),
    valid_hours smallint not null,
    standard    text     not null,
    aqi         int,
    level       smallint,
    primary_pollutants text,
    primary key (station_id, day)
);
create index daily_day_idx on air.daily (day);
