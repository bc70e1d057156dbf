package cn.anhuan.hazard;

/**
 * Something people must hear about a hazard, published as an event for the notification module: who is
 * concerned follows from {@code kind} (the enterprise; also its county; for escalations the city).
 */
public record HazardNotice(Kind kind, long hazardId, String creditCode, String regionCode, String industryCode,
                           String level, String place) {

    /** What happened. */
    public enum Kind {
        REPORTED, ASSIGNED, SUBMITTED, REJECTED, CLOSED, DEADLINE_SOON, OVERDUE, ESCALATED
    }
}
