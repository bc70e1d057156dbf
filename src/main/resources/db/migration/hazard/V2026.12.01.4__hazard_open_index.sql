-- The open hazards of a county, for the counters on the hazard list and the leader's page: an index-only
-- scan over the open ones instead of counting every hazard of the county ever found.
create index hazard_open_region_idx on hazard.hazard (region_code, level, status, deadline)
    where status <> 'CLOSED';
