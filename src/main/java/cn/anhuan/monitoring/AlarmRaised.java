package cn.anhuan.monitoring;

/**
 * An alarm was opened: an emission limit exceeded, a device gone silent, or values flagged abnormal. For the
 * notifications to the enterprise and its county supervisors.
 */
public record AlarmRaised(long alarmId, String kind, long deviceId, String mn, String deviceName, String creditCode,
                          String regionCode, String industryCode, String pollutant) {
}
