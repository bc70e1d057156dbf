package cn.anhuan.hazard;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The overdue-escalation ladder.
 *
 * @param reminderDaysBefore  remind the enterprise this many days before the deadline
 * @param escalateAfterDays   escalate to the city this many days after the deadline
 * @param cron                when the job runs (city time)
 */
@ConfigurationProperties("anhuan.hazard.escalation")
record EscalationProperties(@DefaultValue("3") int reminderDaysBefore, @DefaultValue("7") int escalateAfterDays,
                            @DefaultValue("0 5 * * * *") String cron) {
}
