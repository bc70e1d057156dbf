-- Overdue escalation: when each notice went out, so that the job is idempotent.
alter table hazard.hazard add column reminded_at timestamptz;
alter table hazard.hazard add column overdue_notified_at timestamptz;
alter table hazard.hazard add column escalated_at timestamptz;
