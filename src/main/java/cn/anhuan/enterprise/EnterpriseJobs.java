package cn.anhuan.enterprise;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The licence-expiry reminders as a db-scheduler job: daily on {@code anhuan.enterprise.licence-reminders.cron}
 * (city time), once across instances, calling {@link LicenceReminders#run(LocalDate)} through its transactional proxy.
 */
@Configuration(proxyBeanMethods = false)
class EnterpriseJobs {

    static final String LICENCE_REMINDERS = "enterprise-licence-reminders";

    @Bean
    RecurringTask<Void> licenceRemindersJob(LicenceReminders reminders, LicenceReminderProperties properties,
                                            Clock clock) {
        return Tasks.recurring(LICENCE_REMINDERS, Schedules.cron(properties.cron(), ZoneId.of("Asia/Shanghai")))
                .execute((instance, context) -> reminders.run(LocalDate.now(clock)));
    }
}
