package cn.anhuan.hazard;

import java.time.LocalDate;

/**
 * Filters of the hazard list; all optional.
 *
 * @param regionCode a county (matches the hazard's county) or a development zone (matches its zone)
 * @param foundFrom  first day (China time) the hazard was found, inclusive
 * @param foundTo    last day (China time) the hazard was found, inclusive
 */
public record HazardFilter(String regionCode, String status, String level, String source, Boolean overdue,
                           Long enterpriseId, String industryCode, LocalDate foundFrom, LocalDate foundTo) {

    public HazardFilter(String regionCode, String status, String level, String source, Boolean overdue,
                        Long enterpriseId) {
        this(regionCode, status, level, source, overdue, enterpriseId, null, null, null);
    }

    public static HazardFilter none() {
        return new HazardFilter(null, null, null, null, null, null);
    }
}
