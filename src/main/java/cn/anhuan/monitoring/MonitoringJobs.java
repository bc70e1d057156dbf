package cn.anhuan.monitoring;

import java.time.Clock;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Monitoring's db-scheduler jobs, each once across instances through its bean's transactional proxy: the
 * silent-device check every {@code monitoring.alarm.check-every}, and the pruning of the kept reject and
 * quarantine sample ({@link QuarantinePruning#prune()}) every {@code anhuan.monitoring.sample.prune-every}.
 */
@Configuration(proxyBeanMethods = false)
class MonitoringJobs {

    static final String OFFLINE_CHECK = "monitoring-offline-check";
    static final String SAMPLE_PRUNING = "monitoring-sample-pruning";

    @Bean
    RecurringTask<Void> offlineCheckJob(AlarmEngine engine, MonitoringProperties properties, Clock clock) {
        return Tasks.recurring(OFFLINE_CHECK, Schedules.fixedDelay(properties.alarm().checkEvery()))
                .execute((instance, context) -> engine.checkOffline(clock.instant()));
    }

    @Bean
    RecurringTask<Void> samplePruningJob(QuarantinePruning pruning, ReceiverProperties properties) {
        return Tasks.recurring(SAMPLE_PRUNING, Schedules.fixedDelay(properties.sample().pruneEvery()))
                .execute((instance, context) -> pruning.prune());
    }
}
