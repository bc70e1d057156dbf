-- Hazards opened from the reduction-list check during a heavy-pollution warning: one per warning and list line.
create table monitoring.reduction_followup (
    warning_id bigint      not null,
    item_id    bigint      not null,
    hazard_id  bigint      not null,
    created_by text        not null,
    created_at timestamptz not null,
    primary key (warning_id, item_id)
);
