package cn.anhuan.identity;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Removes expired sessions from {@code identity.spring_session} as a db-scheduler job, once across instances
 * (Spring Session's own cleanup timer, which every instance would run, is off: {@code spring.session.jdbc.cleanup-cron=-}).
 * An expired session is refused when read whether or not its row is still there; this only keeps the table small.
 */
@Configuration(proxyBeanMethods = false)
class SessionJobs {

    static final String CLEANUP = "session-cleanup";
    static final Duration EVERY = Duration.ofMinutes(5);

    /** Without Spring Session JDBC (the MockMvc tests' context keeps container sessions) there is nothing to clean. */
    @Bean
    RecurringTask<Void> sessionCleanupJob(ObjectProvider<JdbcIndexedSessionRepository> sessions) {
        return Tasks.recurring(CLEANUP, Schedules.fixedDelay(EVERY))
                .execute((instance, context) -> sessions.ifAvailable(JdbcIndexedSessionRepository::cleanUpExpiredSessions));
    }
}
