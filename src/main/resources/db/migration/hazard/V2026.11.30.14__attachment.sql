-- Photos and files of hazards (found / rectified), stored on disk; the database keeps what was checked.
create table hazard.attachment (
    id            bigserial primary key,
    hazard_id     bigint      not null references hazard.hazard (id),
    stage         text        not null check (stage in ('FOUND', 'RECTIFIED')),
    file_name     text        not null,
    content_type  text        not null,
    size          bigint      not null,
    sha256        char(64)    not null,
    storage_key   text        not null unique,
    has_thumbnail boolean     not null,
    uploaded_by   text        not null,
    uploaded_at   timestamptz not null
);
create index attachment_hazard_idx on hazard.attachment (hazard_id, id);
