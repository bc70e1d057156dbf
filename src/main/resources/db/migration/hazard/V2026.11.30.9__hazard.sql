-- Hazards (隐患) in a closed loop: reported → rectification assigned → submitted → accepted (销号), with every
-- step in a timeline, deadline extensions, and the 五到位 plan of major hazards.
create schema if not exists hazard;

create table hazard.hazard (
    id                 bigserial primary key,
    enterprise_id      bigint      not null,
    credit_code        char(18)    not null,
    region_code        text        not null,
    zone_code          text,
    industry_code      text        not null,
    place              text        not null check (length(place) between 1 and 200),
    description        text        not null check (length(description) between 1 and 4000),
    category           text        not null check (category in ('OBJECT', 'BEHAVIOUR', 'MANAGEMENT')),
    level              text        not null check (level in ('GENERAL', 'MAJOR')),
    basis              text,
    source             text        not null check (source in ('SELF', 'GOVERNMENT', 'CROSS', 'CITIZEN', 'THIRD_PARTY')),
    found_by           text        not null,
    found_at           timestamptz not null,
    status             text        not null check (status in ('REPORTED', 'ASSIGNED', 'SUBMITTED', 'CLOSED')),
    responsible_person text,
    measures           text,
    deadline           date,
    funds              numeric(14, 2),
    contingency_plan   text,
    rectification_note text,
    rejections         int         not null default 0,
    closed_at          timestamptz,
    closed_by          text,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    version            int         not null default 0,
    check (level <> 'MAJOR' or basis is not null)
);
create index hazard_region_status_idx on hazard.hazard (region_code, status, id);
create index hazard_enterprise_idx on hazard.hazard (enterprise_id, id);
create index hazard_open_deadline_idx on hazard.hazard (deadline) where status in ('ASSIGNED', 'SUBMITTED');

create table hazard.step (
    id          bigserial primary key,
    hazard_id   bigint      not null references hazard.hazard (id),
    action      text        not null,
    from_status text,
    to_status   text        not null,
    note        text,
    actor       text        not null,
    at          timestamptz not null
);
create index step_hazard_idx on hazard.step (hazard_id, id);

create table hazard.extension (
    id                 bigserial primary key,
    hazard_id          bigint      not null references hazard.hazard (id),
    requested_deadline date        not null,
    reason             text        not null,
    status             text        not null check (status in ('REQUESTED', 'APPROVED', 'REFUSED')),
    requested_by       text        not null,
    requested_at       timestamptz not null,
    decided_by         text,
    decided_at         timestamptz,
    decision_note      text
);
create unique index extension_one_open on hazard.extension (hazard_id) where status = 'REQUESTED';
