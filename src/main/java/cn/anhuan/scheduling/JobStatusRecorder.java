package cn.anhuan.scheduling;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import com.github.kagkarlsson.scheduler.event.AbstractSchedulerListener;
import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps each job's last run (start, duration, result, failure message, instance) in {@code scheduling.job_status},
 * which db-scheduler's own table does not hold. Operational state of the scheduler, not a business change: it is
 * not written to the audit trail (a job that changes data audits that change itself).
 */
class JobStatusRecorder extends AbstractSchedulerListener {

    private static final Logger log = LoggerFactory.getLogger(JobStatusRecorder.class);
    static final int MESSAGE_LENGTH = 1000;

    private final JdbcClient jdbc;
    private final String instance;

    JobStatusRecorder(JdbcClient jdbc, String instance) {
        this.jdbc = jdbc;
        this.instance = instance;
    }

    @Override
    public void onExecutionComplete(ExecutionComplete done) {
        boolean ok = done.getResult() == ExecutionComplete.Result.OK;
        String message = done.getCause().map(JobStatusRecorder::message).orElse(null);
        record(done.getExecution().taskInstance.getTaskName(), done.getTimeDone().minus(done.getDuration()),
                done.getTimeDone(), done.getDuration().toMillis(), ok ? "OK" : "FAILED", message);
    }

    /** An execution whose instance stopped sending heartbeats; the message is the instance that had picked it. */
    @Override
    public void onExecutionDead(Execution execution) {
        record(execution.taskInstance.getTaskName(), Instant.now(), Instant.now(), 0, "DEAD", execution.pickedBy);
    }

    private void record(String task, Instant started, Instant finished, long millis, String result, String message) {
        try {
            jdbc.sql("""
                    insert into scheduling.job_status as s (task_name, last_started_at, last_finished_at,
                        last_duration_ms, last_result, last_message, last_instance, last_failure_at, last_failure,
                        runs, failures)
                    values (:task, :started, :finished, :ms, :result, :message, :instance,
                        case when :result = 'OK' then null else :finished end,
                        case when :result = 'OK' then null else :message end,
                        case when :result = 'DEAD' then 0 else 1 end, case when :result = 'OK' then 0 else 1 end)
                    on conflict (task_name) do update set
                        last_started_at = excluded.last_started_at, last_finished_at = excluded.last_finished_at,
                        last_duration_ms = excluded.last_duration_ms, last_result = excluded.last_result,
                        last_message = excluded.last_message, last_instance = excluded.last_instance,
                        last_failure_at = coalesce(excluded.last_failure_at, s.last_failure_at),
                        last_failure = coalesce(excluded.last_failure, s.last_failure),
                        runs = s.runs + excluded.runs, failures = s.failures + excluded.failures""")
                    .param("task", task).param("started", utc(started)).param("finished", utc(finished))
                    .param("ms", millis).param("result", result).param("message", message)
                    .param("instance", instance).update();
        } catch (RuntimeException e) {
            // The run itself is already recorded by db-scheduler; a lost status row must not fail the scheduler.
            log.warn("Cannot record the status of job {}: {}", task, e.toString());
        }
    }

    private static String message(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        return text.length() > MESSAGE_LENGTH ? text.substring(0, MESSAGE_LENGTH) : text;
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
