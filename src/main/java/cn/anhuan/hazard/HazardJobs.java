package cn.anhuan.hazard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The escalation ladder as a db-scheduler job (run once across instances, on the configured cron in city time).
 * It calls {@link HazardEscalation#run(LocalDate)} on the injected bean, i.e. through its transactional proxy.
 */
@Configuration(proxyBeanMethods = false)
class HazardJobs {

    static final String ESCALATION = "hazard-escalation";

    @Bean
    RecurringTask<Void> hazardEscalationJob(HazardEscalation escalation, EscalationProperties properties,
                                            Clock clock) {
        return Tasks.recurring(ESCALATION, Schedules.cron(properties.cron(), ZoneId.of("Asia/Shanghai")))
                .execute((instance, context) -> escalation.run(LocalDate.now(clock)));
    }
}
