package cn.anhuan.monitoring;

import java.time.Clock;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The silent-device check as a db-scheduler job, every {@code monitoring.alarm.check-every}, once across instances. */
@Configuration(proxyBeanMethods = false)
class MonitoringJobs {

    static final String OFFLINE_CHECK = "monitoring-offline-check";

    @Bean
    RecurringTask<Void> offlineCheckJob(AlarmEngine engine, MonitoringProperties properties, Clock clock) {
        return Tasks.recurring(OFFLINE_CHECK, Schedules.fixedDelay(properties.alarm().checkEvery()))
                .execute((instance, context) -> engine.checkOffline(clock.instant()));
    }
}
