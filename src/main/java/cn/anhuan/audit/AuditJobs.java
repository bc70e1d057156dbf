package cn.anhuan.audit;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The audit checkpoint as a db-scheduler job: every {@code anhuan.audit.checkpoint.interval} (fixed delay), once
 * across instances, calling {@link AuditCheckpoints#checkpoint()} on the injected bean, i.e. through its
 * transactional proxy. There is no checkpoint at shutdown: the embedded PostgreSQL stops by its own shutdown hook
 * alongside Spring's, so the database is often gone by then.
 */
@Configuration(proxyBeanMethods = false)
class AuditJobs {

    static final String CHECKPOINT = "audit-checkpoint";
    private static final Logger log = LoggerFactory.getLogger(AuditJobs.class);

    @Bean
    RecurringTask<Void> auditCheckpointJob(AuditCheckpoints checkpoints, CheckpointProperties properties) {
        return Tasks.recurring(CHECKPOINT, Schedules.fixedDelay(properties.interval()))
                .execute((instance, context) -> {
                    AuditCheckpoints.Result result = checkpoints.checkpoint();
                    if (result.outcome() == AuditCheckpoints.Outcome.WRITTEN) {
                        log.debug("Audit checkpoint {} signed", result.latest().seq());
                    }
                });
    }
}
