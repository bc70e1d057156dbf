-- The escalation ladder's record moves from three timestamp columns on the hazard (an UPDATE of every
-- notified hazard rewrote whole rows and all their index entries: 25 s for 450,000 hazards) to a narrow
-- table: one row per hazard, rung and deadline. Keyed by the deadline, so an approved extension needs no
-- reset: the new deadline has no notices yet.
create table hazard.escalation_notice (
    hazard_id   bigint      not null,
    kind        text        not null check (kind in ('DEADLINE_SOON', 'OVERDUE', 'ESCALATED')),
    deadline    date        not null,
    notified_at timestamptz not null,
    primary key (hazard_id, kind, deadline)
);

insert into hazard.escalation_notice (hazard_id, kind, deadline, notified_at)
select id, 'DEADLINE_SOON', deadline, reminded_at from hazard.hazard where reminded_at is not null and deadline is not null
union all
select id, 'OVERDUE', deadline, overdue_notified_at from hazard.hazard where overdue_notified_at is not null and deadline is not null
union all
select id, 'ESCALATED', deadline, escalated_at from hazard.hazard where escalated_at is not null and deadline is not null;

alter table hazard.hazard drop column reminded_at;
alter table hazard.hazard drop column overdue_notified_at;
alter table hazard.hazard drop column escalated_at;
