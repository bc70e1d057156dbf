package cn.anhuan.monitoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.anhuan.monitoring.hj212.Packet;

/** What a committed batch brought, for the alarm rules and the air-station feed. */
final class StoredBatch {

    /** Device id → latest receive time in the batch. */
    final Map<Long, Long> seen = new HashMap<>();
    /** (device, pollutant, cn) pairs that have an emission limit and got new values. */
    final List<LimitTouch> limited = new ArrayList<>();
    /** Values sent with an abnormal data flag. */
    final List<AbnormalValue> abnormal = new ArrayList<>();
    /** Data packets of devices that measure an air station. */
    final List<StationPacket> station = new ArrayList<>();

    /** A new value of a limited pollutant: the value compared (converted or not, as the limit says), its flag. */
    record LimitTouch(DeviceRegistry.Limit limit, long time, double value, char flag) {
    }

    record AbnormalValue(long deviceId, String pollutant, char flag, long dataTime, double value) {
    }

    record StationPacket(long stationId, Packet packet) {
    }
}
