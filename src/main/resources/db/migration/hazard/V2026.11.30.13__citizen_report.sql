-- Citizens' hazard reports (no login): a tracking code for the citizen, a triage queue for the county.
create table hazard.citizen_report (
    id             bigserial primary key,
    tracking_code  char(12)    not null unique,
    region_code    text        not null,
    place          text        not null check (length(place) between 1 and 200),
    description    text        not null check (length(description) between 1 and 2000),
    reporter_name  text,
    reporter_phone text,
    status         text        not null check (status in ('NEW', 'CONVERTED', 'DISMISSED')),
    hazard_id      bigint references hazard.hazard (id),
    outcome_note   text,
    handled_by     text,
    handled_at     timestamptz,
    created_at     timestamptz not null,
    version        int         not null default 0
);
create index citizen_report_region_idx on hazard.citizen_report (region_code, status, id);
