package cn.anhuan.monitoring;

import java.math.BigDecimal;
import java.time.Instant;

/** An alarm of a device with its lifecycle (OPEN → ACKNOWLEDGED → CLOSED) and the hazard it opened, if any. */
public record AlarmView(long id, long deviceId, String mn, String deviceName, String kind, String pollutant,
                        String creditCode, String regionCode, String status, Instant firstAt, Instant lastAt,
                        int occurrences, Double value, BigDecimal limit, String flag, String ackBy, Instant ackAt,
                        String ackNote, String closedBy, Instant closedAt, String closeNote, Long hazardId,
                        int version) {
}
