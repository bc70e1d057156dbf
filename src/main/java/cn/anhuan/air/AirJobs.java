package cn.anhuan.air;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The warning-expiry check as a db-scheduler job, every {@code anhuan.air.warning-expiry-check}, once across
 * instances; it calls {@link WarningExpiry#liftExpired()} on the injected bean (its transactional proxy).
 */
@Configuration(proxyBeanMethods = false)
class AirJobs {

    static final String WARNING_EXPIRY = "air-warning-expiry";

    @Bean
    RecurringTask<Void> warningExpiryJob(WarningExpiry expiry, AirProperties properties) {
        return Tasks.recurring(WARNING_EXPIRY, Schedules.fixedDelay(properties.warningExpiryCheck()))
                .execute((instance, context) -> expiry.liftExpired());
    }
}
