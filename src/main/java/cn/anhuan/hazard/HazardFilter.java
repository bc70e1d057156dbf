package cn.anhuan.hazard;

/** Filters of the hazard list; all optional. */
public record HazardFilter(String regionCode, String status, String level, String source, Boolean overdue,
                           Long enterpriseId) {

    public static HazardFilter none() {
        return new HazardFilter(null, null, null, null, null, null);
    }
}
