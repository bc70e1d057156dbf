-- Licence-expiry reminders sent: one row per licence, expiry date and rung (days before expiry; 0 = on expiry),
-- so a rerun, or a second instance, notifies nobody twice, and a renewed licence (new expiry) starts afresh.
create table enterprise.licence_reminder (
    licence_id  bigint      not null references enterprise.licence (id) on delete cascade,
    expires_on  date        not null,
    rung        int         not null check (rung >= 0),
    notified_at timestamptz not null,
    primary key (licence_id, expires_on, rung)
);
