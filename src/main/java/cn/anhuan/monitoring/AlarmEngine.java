package cn.anhuan.monitoring;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The alarm rules, run after each committed batch and on a schedule. Exceedance: the last {@code sustained}
 * values of a limited pollutant (maintenance and calibration values skipped) are all above the limit. Abnormal
 * flag: a value sent with one of the configured flags. Offline: a device that has sent data is silent for its
 * expected interval times a factor. At most one active alarm per device, kind and pollutant (a unique index);
 * a repeat updates its last time and count. An offline alarm closes itself when data comes back.
 */
@Component
class AlarmEngine {

    private final JdbcClient jdbc;
    private final DeviceRegistry registry;
    private final ApplicationEventPublisher events;
    private final MonitoringProperties properties;
    private final Clock clock;
    private final Set<Long> offline = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Map<DeviceRegistry.Limit, NavigableMap<Long, Double>> recent = new java.util.concurrent.ConcurrentHashMap<>();
    /** When the FLAG alarm of a device and pollutant was last written: repeats update it at most once a minute. */
    private final Map<String, Long> flagWritten = new java.util.concurrent.ConcurrentHashMap<>();

    AlarmEngine(JdbcClient jdbc, DeviceRegistry registry, ApplicationEventPublisher events,
                MonitoringProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
        offline.addAll(jdbc.sql("select device_id from monitoring.alarm where kind = 'OFFLINE' and status <> 'CLOSED'")
                .query(Long.class).list());
    }

    List<DeviceRegistry.Limit> limits(long deviceId) {
        return registry.limits(deviceId);
    }

    void afterCommit(StoredBatch batch) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (Long device : batch.seen.keySet()) {
            if (offline.remove(device)) {
                jdbc.sql("""
                        update monitoring.alarm set status = 'CLOSED', closed_by = 'system', closed_at = :now,
                            close_note = 'data resumed', version = version + 1
                        where device_id = :d and kind = 'OFFLINE' and status <> 'CLOSED'""")
                        .param("d", device).param("now", now).update();
            }
        }
        Map<String, StoredBatch.AbnormalValue> flagged = new LinkedHashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (StoredBatch.AbnormalValue v : batch.abnormal) {
            String key = v.deviceId() + "|" + v.pollutant();
            flagged.merge(key, v, (a, b) -> a.dataTime() >= b.dataTime() ? a : b);
            counts.merge(key, 1, Integer::sum);
        }
        for (var e : flagged.entrySet()) {
            StoredBatch.AbnormalValue v = e.getValue();
            Long last = flagWritten.get(e.getKey());
            if (last != null && System.currentTimeMillis() - last < 60_000) {
                continue;
            }
            flagWritten.put(e.getKey(), System.currentTimeMillis());
            raise(v.deviceId(), "FLAG", v.pollutant(), Instant.ofEpochMilli(v.dataTime()), v.value(), null,
                    String.valueOf(v.flag()), counts.get(e.getKey()), now);
        }
        Set<DeviceRegistry.Limit> touched = new LinkedHashSet<>();
        for (StoredBatch.LimitTouch t : batch.limited) {
            NavigableMap<Long, Double> last = recent(t.limit());
            if (!Double.isNaN(t.value()) && !properties.alarm().ignored(t.flag())) {
                synchronized (last) {
                    last.put(t.time(), t.value());
                    while (last.size() > t.limit().sustained()) {
                        last.pollFirstEntry();
                    }
                }
                touched.add(t.limit());
            }
        }
        for (DeviceRegistry.Limit l : touched) {
            NavigableMap<Long, Double> last = recent(l);
            NavigableMap<Long, Double> copy;
            synchronized (last) {
                copy = new TreeMap<>(last);
            }
            exceedance(l, copy, now);
        }
    }

    /**
     * The latest {@code sustained} counted values of a limited pollutant, kept in memory; loaded from the readings
     * the first time (after a start) so a restart neither forgets nor double-counts.
     */
    private NavigableMap<Long, Double> recent(DeviceRegistry.Limit l) {
        return recent.computeIfAbsent(l, k -> {
            NavigableMap<Long, Double> m = new TreeMap<>();
            jdbc.sql("""
                    select data_time, case when :converted then coalesce(zs_rtd, zs_avg, rtd, avg) else coalesce(rtd, avg) end
                    from monitoring.reading
                    where device_id = :d and pollutant = :p and cn = :cn
                      and (flag is null or flag <> all(string_to_array(:ignored, ',')))
                    order by data_time desc limit :n""")
                    .param("converted", l.converted()).param("d", l.deviceId()).param("p", l.pollutant())
                    .param("cn", l.cn()).param("ignored", properties.alarm().ignoredFlags()).param("n", l.sustained())
                    .query((rs, i) -> {
                        Object v = rs.getObject(2);
                        if (v != null) {
                            m.put(rs.getObject(1, OffsetDateTime.class).toInstant().toEpochMilli(), ((Number) v).doubleValue());
                        }
                        return null;
                    }).list();
            return m;
        });
    }

    /** Opens or updates the exceedance alarm when the latest {@code sustained} values are all above the limit. */
    void exceedance(DeviceRegistry.Limit l, NavigableMap<Long, Double> last, OffsetDateTime now) {
        if (last.size() < l.sustained()) {
            return;
        }
        double limit = l.limit().doubleValue();
        for (double v : last.values()) {
            if (v <= limit) {
                return;
            }
        }
        Map.Entry<Long, Double> latest = last.lastEntry();
        raise(l.deviceId(), "EXCEEDANCE", l.pollutant(), Instant.ofEpochMilli(latest.getKey()), latest.getValue(),
                l.limit(), null, 1, now);
    }

    private void raise(long deviceId, String kind, String pollutant, Instant at, double value,
                       java.math.BigDecimal limit, String flag, int occurrences, OffsetDateTime now) {
        OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        Map<String, Object> row = jdbc.sql("""
                insert into monitoring.alarm (device_id, kind, pollutant, credit_code, region_code, zone_code,
                    industry_code, first_at, last_at, occurrences, value, limit_value, flag, created_at)
                select id, :kind, :p, credit_code, region_code, zone_code, industry_code, :at, :at, :n, :value, :limit,
                    :flag, :now from monitoring.device where id = :d
                on conflict (device_id, kind, pollutant) where status <> 'CLOSED' do update
                    set last_at = greatest(monitoring.alarm.last_at, excluded.last_at),
                        occurrences = monitoring.alarm.occurrences + excluded.occurrences,
                        value = excluded.value
                    where monitoring.alarm.last_at < excluded.last_at
                returning id, (xmax = 0) as inserted""")
                .param("kind", kind).param("p", pollutant).param("at", when).param("n", occurrences)
                .param("value", Double.isNaN(value) ? null : value).param("limit", limit).param("flag", flag)
                .param("now", now).param("d", deviceId).query().listOfRows().stream().findFirst().orElse(null);
        if (row != null && Boolean.TRUE.equals(row.get("inserted"))) {
            publish(((Number) row.get("id")).longValue());
        }
    }

    private void publish(long alarmId) {
        jdbc.sql("""
                select a.id, a.kind, a.device_id, d.mn, d.name, a.credit_code, a.region_code, a.industry_code, a.pollutant
                from monitoring.alarm a join monitoring.device d on d.id = a.device_id where a.id = :id""")
                .param("id", alarmId)
                .query((rs, n) -> new AlarmRaised(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)))
                .optional().ifPresent(events::publishEvent);
    }

    /**
     * Opens an offline alarm for every enabled device that has sent data but not lately; returns how many. One
     * transaction with the notifications the alarms cause. Scheduled by {@link MonitoringJobs}.
     */
    @Transactional
    int checkOffline(Instant at) {
        OffsetDateTime now = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        List<Object[]> opened = jdbc.sql("""
                insert into monitoring.alarm (device_id, kind, pollutant, credit_code, region_code, zone_code,
                    industry_code, first_at, last_at, created_at)
                select id, 'OFFLINE', '', credit_code, region_code, zone_code, industry_code, last_seen, :now, :now
                from monitoring.device
                where enabled and last_seen is not null
                  and last_seen < :now - greatest(make_interval(secs => expected_interval_s * :factor),
                                                  make_interval(secs => :minimum))
                on conflict (device_id, kind, pollutant) where status <> 'CLOSED' do nothing
                returning id, device_id""")
                .param("now", now).param("factor", properties.alarm().offlineFactor())
                .param("minimum", properties.alarm().offlineMinimum().toSeconds())
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2)}).list();
        for (Object[] o : opened) {
            offline.add((Long) o[1]);
            publish((Long) o[0]);
        }
        return opened.size();
    }
}
