package cn.anhuan.enterprise;

import java.time.LocalDate;
import java.util.List;

/**
 * One licence-reminder pass's reminders (published by {@link LicenceReminders} in its transaction), for the
 * notification module to tell each enterprise's officers and its county's supervisors; whoever would receive more
 * than {@code digestAbove} of them gets one digest instead.
 */
public record LicencesExpiring(List<Reminder> reminders, int digestAbove) {

    /**
     * A licence reaching a rung.
     *
     * @param daysBefore the rung (0: expired)
     * @param daysLeft   days from the pass's day to the expiry (negative once expired)
     */
    public record Reminder(long licenceId, String number, LocalDate expiresOn, int daysBefore, long daysLeft,
                           long enterpriseId, String enterpriseName, String creditCode, String regionCode,
                           String zoneCode) {
    }
}
