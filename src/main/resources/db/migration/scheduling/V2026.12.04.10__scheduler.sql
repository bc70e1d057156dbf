-- db-scheduler's table (its PostgreSQL layout): one row per scheduled execution; a recurring job is one row
-- whose execution_time moves on. An instance picks a row by flipping picked under the row's version, so each
-- execution runs on exactly one instance; last_heartbeat goes stale when that instance dies, and the others
-- then revive the execution.
create schema if not exists scheduling;

create table scheduling.scheduled_tasks (
    task_name            text        not null,
    task_instance        text        not null,
    task_data            bytea,
    execution_time       timestamptz not null,
    picked               boolean     not null,
    picked_by            text,
    last_success         timestamptz,
    last_failure         timestamptz,
    consecutive_failures int,
    last_heartbeat       timestamptz,
    version              bigint      not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time on scheduling.scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat on scheduling.scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time on scheduling.scheduled_tasks (priority desc, execution_time asc);

-- The last run of each job as the admin page shows it (db-scheduler keeps neither duration nor failure message).
create table scheduling.job_status (
    task_name        text        primary key,
    last_started_at  timestamptz not null,
    last_finished_at timestamptz not null,
    last_duration_ms bigint      not null,
    last_result      text        not null check (last_result in ('OK', 'FAILED', 'DEAD')),
    last_message     text,
    last_instance    text        not null,
    last_failure_at  timestamptz,
    last_failure     text,
    runs             bigint      not null default 0,
    failures         bigint      not null default 0
);
