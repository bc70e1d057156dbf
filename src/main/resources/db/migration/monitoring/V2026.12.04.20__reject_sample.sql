-- Rejected and quarantined frames are kept as a bounded sample per source address and reason (the receiver counts
-- all of them); the source is the sender's IP address without the port, which `remote` keeps.
alter table monitoring.reject add column source text;
alter table monitoring.quarantine add column source text;
update monitoring.reject set source = btrim(regexp_replace(regexp_replace(remote, '^[^/]*/', ''), ':[0-9]+$', ''), '[]')
where remote is not null;
update monitoring.quarantine set source = btrim(regexp_replace(regexp_replace(remote, '^[^/]*/', ''), ':[0-9]+$', ''), '[]')
where remote is not null;
create index reject_source_idx on monitoring.reject (source, reason, id);
create index quarantine_source_idx on monitoring.quarantine (source, reason, id);
