-- A reason the platform gives itself (a warning lifted when its end has passed) is kept as a message key too,
-- so pages show it in their language; the text column keeps it in the default language for the record.
alter table air.warning_change add column reason_key text check (length(reason_key) <= 100);
