-- Licences with expiry, and major hazard installations (重大危险源) with their substances, R value and level.
create table enterprise.licence (
    id            bigserial primary key,
    enterprise_id bigint not null references enterprise.enterprise (id),
    kind          text   not null check (kind in ('SAFETY_PRODUCTION', 'HAZCHEM_OPERATION', 'HAZCHEM_USE',
                                                   'FIREWORKS_OPERATION', 'MINING', 'DISCHARGE')),
    number        text   not null check (length(number) between 1 and 100),
    issuer        text,
    issued_on     date,
    expires_on    date   not null,
    unique (enterprise_id, kind, number)
);
create index licence_expiry_idx on enterprise.licence (expires_on);

create table enterprise.major_hazard (
    id             bigserial primary key,
    enterprise_id  bigint        not null references enterprise.enterprise (id),
    name           text          not null check (length(name) between 1 and 200),
    exposed_people int           not null check (exposed_people >= 0),
    alpha          numeric(3, 1) not null,
    r_value        numeric(14, 4) not null,
    level          smallint      not null check (level between 1 and 4)
);
create index major_hazard_enterprise_idx on enterprise.major_hazard (enterprise_id);

create table enterprise.major_hazard_substance (
    hazard_id  bigint         not null references enterprise.major_hazard (id) on delete cascade,
    position   smallint       not null,
    name       text           not null,
    category   text           not null,
    beta       numeric(4, 1)  not null,
    quantity_t numeric(14, 4) not null check (quantity_t >= 0),
    critical_t numeric(14, 4) not null check (critical_t > 0),
    primary key (hazard_id, position)
);
