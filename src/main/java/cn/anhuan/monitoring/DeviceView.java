package cn.anhuan.monitoring;

import java.time.Instant;

/** A registered device and what it measures. The password is never shown. */
public record DeviceView(long id, String mn, String systemType, String protocol, String name, Long enterpriseId,
                         String creditCode, String outletCode, Long stationId, String regionCode, String zoneCode,
                         String industryCode, int expectedIntervalSeconds, boolean tolerantCrc, int maxSegment,
                         boolean enabled, Instant lastSeen, Instant createdAt, int version) {
}
