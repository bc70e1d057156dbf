package cn.anhuan.scheduling;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.kagkarlsson.scheduler.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Every known job with its next run (db-scheduler's table) and its last run (the status this module keeps). */
@Service
public class Jobs {

    private final JdbcClient jdbc;
    private final List<Task<?>> tasks;
    private final SchedulingProperties properties;

    Jobs(JdbcClient jdbc, List<Task<?>> tasks, SchedulingProperties properties) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.properties = properties;
    }

    /** Whether this instance runs scheduled jobs. */
    public boolean enabled() {
        return properties.enabled();
    }

    /** The jobs, by name; a job not yet scheduled or never run shows empty values. */
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    public List<JobView> list() {
        Map<String, JobView.Next> next = new HashMap<>();
        jdbc.sql("""
                select task_name, min(execution_time), bool_or(picked), string_agg(picked_by, ', '),
                       sum(coalesce(consecutive_failures, 0))
                from scheduling.scheduled_tasks group by task_name""")
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> next.put(rs.getString(1),
                        new JobView.Next(instant(rs.getObject(2, OffsetDateTime.class)), rs.getBoolean(3),
                                rs.getString(4), rs.getInt(5))));
        Map<String, JobView.Last> last = new HashMap<>();
        jdbc.sql("select * from scheduling.job_status")
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> last.put(rs.getString("task_name"),
                        new JobView.Last(instant(rs.getObject("last_started_at", OffsetDateTime.class)),
                                rs.getLong("last_duration_ms"), rs.getString("last_result"),
                                rs.getString("last_message"), rs.getString("last_instance"),
                                instant(rs.getObject("last_failure_at", OffsetDateTime.class)),
                                rs.getString("last_failure"), rs.getLong("runs"), rs.getLong("failures"))));
        return tasks.stream().map(Task::getName).distinct().sorted(Comparator.naturalOrder())
                .map(name -> new JobView(name, next.get(name), last.get(name))).toList();
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
