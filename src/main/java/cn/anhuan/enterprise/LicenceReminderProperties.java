package cn.anhuan.enterprise;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Licence-expiry reminders.
 *
 * @param cron        when the daily pass runs (city time)
 * @param daysBefore  the rungs: days before expiry at which the enterprise and its county are told (0: on the day of
 *                    expiry and after); a licence is told once per rung and expiry date, at the nearest rung only
 * @param digestAbove a person who would receive more reminders in one pass gets one digest with the count instead
 */
@Validated
@ConfigurationProperties("anhuan.enterprise.licence-reminders")
record LicenceReminderProperties(@DefaultValue("0 30 8 * * *") String cron,
                                 @DefaultValue({"90", "30", "7", "0"}) @NotEmpty List<@PositiveOrZero Integer> daysBefore,
                                 @DefaultValue("20") int digestAbove) {
}
