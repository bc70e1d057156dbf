package cn.anhuan.hazard;

import java.time.Instant;

/**
 * A citizen's report as staff see it. The reporter's name and phone are filled only for the supervisors who
 * handle the report's county; everyone else gets null.
 */
public record CitizenReportView(long id, String trackingCode, String regionCode, String place, String description,
                                String reporterName, String reporterPhone, String status, Long hazardId,
                                String outcomeNote, Instant createdAt, int version) {

    /**
     * What the citizen sees when tracking: what it reported, where and when, the status and outcome and when it was
     * decided; nothing about anyone.
     */
    public record Tracking(String trackingCode, String status, String outcomeNote, Instant createdAt,
                           String regionCode, String place, String description, Instant handledAt) {
    }
}
