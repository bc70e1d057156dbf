package cn.anhuan.monitoring;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The receiver's view of the devices: MN → id, password check, CRC tolerance, size limit; and the emission limits
 * by device. Cached (unknown MNs too, for a minute) and invalidated by {@link DeviceService} on every change.
 */
@Component
class DeviceRegistry {

    /** What the receiver needs to know about a device. */
    record Device(long id, String mn, String passwordHash, boolean tolerantCrc, int maxSegment, boolean enabled,
                  Long stationId, String protocol) {
    }

    record Limit(long deviceId, String pollutant, BigDecimal limit, boolean converted, short cn, int sustained) {
    }

    private static final long NEGATIVE_TTL_MS = 60_000;

    private final JdbcClient jdbc;
    private final Map<String, Optional<Device>> byMn = new ConcurrentHashMap<>();
    private final Map<String, Long> unknownSince = new ConcurrentHashMap<>();
    private final Map<Long, String> verified = new ConcurrentHashMap<>();
    private volatile Map<Long, List<Limit>> limits;

    DeviceRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Device> find(String mn) {
        Optional<Device> d = byMn.get(mn);
        if (d != null && (d.isPresent() || System.currentTimeMillis() - unknownSince.getOrDefault(mn, 0L) < NEGATIVE_TTL_MS)) {
            return d;
        }
        Optional<Device> loaded = jdbc.sql("""
                select id, mn, password_hash, tolerant_crc, max_segment, enabled, station_id, protocol
                from monitoring.device where mn = :mn""").param("mn", mn)
                .query((rs, n) -> new Device(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getInt(5), rs.getBoolean(6), (Long) rs.getObject(7), rs.getString(8))).optional();
        if (loaded.isEmpty()) {
            unknownSince.put(mn, System.currentTimeMillis());
        }
        byMn.put(mn, loaded);
        return loaded;
    }

    /** Whether the password sent matches the device's; the last good one is remembered so hashing is rare. */
    boolean passwordMatches(Device d, String sent) {
        if (sent == null) {
            return false;
        }
        if (sent.equals(verified.get(d.id()))) {
            return true;
        }
        if (DeviceService.hash(sent).equals(d.passwordHash())) {
            verified.put(d.id(), sent);
            return true;
        }
        return false;
    }

    List<Limit> limits(long deviceId) {
        Map<Long, List<Limit>> all = limits;
        if (all == null) {
            Map<Long, List<Limit>> loaded = new HashMap<>();
            jdbc.sql("select device_id, pollutant, limit_value, converted, data_cn, sustained from monitoring.emission_limit")
                    .query((rs, n) -> new Limit(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getBoolean(4),
                            rs.getShort(5), rs.getInt(6))).list()
                    .forEach(l -> loaded.computeIfAbsent(l.deviceId(), k -> new java.util.ArrayList<>()).add(l));
            limits = all = loaded;
        }
        return all.getOrDefault(deviceId, List.of());
    }

    void invalidate(String mn) {
        Optional<Device> old = byMn.remove(mn);
        unknownSince.remove(mn);
        if (old != null) {
            old.ifPresent(d -> verified.remove(d.id()));
        }
    }

    void invalidateLimits() {
        limits = null;
    }
}
