package cn.anhuan.hazard;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The overdue-escalation ladder.
 *
 * @param reminderDaysBefore  remind the enterprise this many days before the deadline
 * @param escalateAfterDays   escalate to the city this many days after the deadline
 * @param cron                when the job runs (city time)
 * @param digestAbove         a person who would receive more notices of one kind in one pass gets one digest
 *                            (with the count and a link to the filtered list) instead
 */
@ConfigurationProperties("anhuan.hazard.escalation")
record EscalationProperties(@DefaultValue("3") int reminderDaysBefore, @DefaultValue("7") int escalateAfterDays,
                            @DefaultValue("0 5 * * * *") String cron, @DefaultValue("20") int digestAbove) {
}
