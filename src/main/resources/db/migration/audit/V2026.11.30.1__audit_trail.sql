-- Append-only, hash-chained audit trail of every state change in the platform.
create schema if not exists audit;

create sequence audit.entry_seq;

create table audit.entry (
    id          bigint primary key,
    at          timestamptz not null,
    actor       text        not null,
    actor_ip    text,
    action      text        not null,
    entity_type text        not null,
    entity_id   text        not null,
    region_code text,
    old_value   text,
    new_value   text,
    prev_hash   char(64)    not null,
    hash        char(64)    not null
);

create index entry_entity_idx on audit.entry (entity_type, entity_id, id);
create index entry_at_idx on audit.entry (at);
create index entry_actor_idx on audit.entry (actor, id);

-- The head of the chain: locked by each writer, so entries chain in commit order, and a deleted tail is detected.
create table audit.chain_head (
    singleton boolean primary key default true check (singleton),
    last_id   bigint   not null,
    last_hash char(64) not null
);
insert into audit.chain_head (last_id, last_hash) values (0, repeat('0', 64));

create function audit.reject_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit.entry is append-only';
end
$$;

create trigger entry_no_update before update or delete on audit.entry
    for each row execute function audit.reject_change();
create trigger entry_no_truncate before truncate on audit.entry
    for each statement execute function audit.reject_change();
