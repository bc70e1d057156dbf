package cn.anhuan.monitoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import cn.anhuan.shared.BusinessRuleException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Readings of a device in scope: as stored (per data type: 2011 real-time, 2051 minute, 2061 hour, 2031 day) or
 * aggregated from the real-time values into minutes, hours or days (China time): mean, min, max, count, and
 * whether the period is valid (flue gas: at least 75 % of values normal; water: every value normal).
 */
@Service
@Transactional(readOnly = true)
public class ReadingService {

    static final Duration MAX_SPAN = Duration.ofDays(92);
    /** Stored values returned at most; a wider request is refused (never cut short silently). */
    static final int MAX_VALUES = 50_000;
    private static final Map<String, String> BUCKETS = Map.of("minute", "minute", "hour", "hour", "day", "day");

    private final JdbcClient jdbc;
    private final DeviceService devices;

    ReadingService(JdbcClient jdbc, DeviceService devices) {
        this.jdbc = jdbc;
        this.devices = devices;
    }

    /** One stored value. */
    public record Value(Instant time, int cn, Double rtd, Double avg, Double min, Double max, Double cou,
                        Double zsRtd, Double zsAvg, String flag) {
    }

    /** An aggregate over one period of real-time values. */
    public record Aggregate(Instant period, Double avg, Double min, Double max, long count, long normal,
                            boolean valid) {
    }

    public List<Value> values(String mn, String pollutant, Instant from, Instant to, Integer cn) {
        DeviceView d = check(mn, from, to);
        List<Value> values = jdbc.sql("""
                select data_time, cn, rtd, avg, min, max, cou, zs_rtd, zs_avg, flag from monitoring.reading
                where device_id = :d and pollutant = :p and data_time >= :from and data_time < :to
                  and (cast(:cn as int) is null or cn = :cn)
                order by data_time, cn limit :limit""")
                .param("d", d.id()).param("p", pollutant).param("from", at(from)).param("to", at(to)).param("cn", cn)
                .param("limit", MAX_VALUES + 1).query(ReadingService::value).list();
        if (values.size() > MAX_VALUES) {
            throw new BusinessRuleException("to", "monitoring.range.tooMany", MAX_VALUES);
        }
        return values;
    }

    public List<Aggregate> aggregates(String mn, String pollutant, Instant from, Instant to, String interval) {
        String bucket = BUCKETS.get(interval);
        if (bucket == null) {
            throw new BusinessRuleException("interval", "monitoring.interval.invalid", interval);
        }
        DeviceView d = check(mn, from, to);
        boolean water = "32".equals(d.systemType());
        return jdbc.sql("""
                select date_trunc('%s', data_time, 'Asia/Shanghai') as period, avg(coalesce(rtd, avg)),
                       min(coalesce(rtd, avg)), max(coalesce(rtd, avg)), count(*),
                       count(*) filter (where flag is null or flag = 'N')
                from monitoring.reading
                where device_id = :d and pollutant = :p and cn = 2011 and data_time >= :from and data_time < :to
                group by 1 order by 1""".formatted(bucket))
                .param("d", d.id()).param("p", pollutant).param("from", at(from)).param("to", at(to))
                .query((rs, n) -> {
                    long count = rs.getLong(5);
                    long normal = rs.getLong(6);
                    boolean valid = water ? normal == count : normal * 4 >= count * 3;
                    return new Aggregate(rs.getObject(1, OffsetDateTime.class).toInstant(), (Double) rs.getObject(2),
                            (Double) rs.getObject(3), (Double) rs.getObject(4), count, normal, valid);
                }).list();
    }

    /**
     * When the device's newest data packet was measured (its DataTime), not when it arrived: a replayed or late
     * archive is dated by its content. Read backwards on the packet log's key, so only the newest rows are touched.
     */
    public java.util.Optional<Instant> latestDataTime(long deviceId) {
        devices.get(deviceId);
        return jdbc.sql("""
                select packet_time from monitoring.packet
                where device_id = :d and cn in ('2011', '2051', '2061', '2031') order by packet_time desc limit 1""")
                .param("d", deviceId).query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant);
    }

    /**
     * The pollutants a device sent in the week up to the end of {@code until}, for pickers. Bounded by time so only
     * the partitions of that week are read.
     */
    public List<String> pollutants(long deviceId, Instant until) {
        devices.get(deviceId);
        return jdbc.sql("""
                select distinct pollutant from monitoring.reading
                where device_id = :d and data_time > :since and data_time < :until order by 1""")
                .param("d", deviceId).param("since", at(until.minus(Duration.ofDays(7)))).param("until", at(until))
                .query(String.class).list();
    }

    private DeviceView check(String mn, Instant from, Instant to) {
        if (from == null || to == null || !from.isBefore(to)) {
            throw new BusinessRuleException("to", "monitoring.range.invalid");
        }
        if (Duration.between(from, to).compareTo(MAX_SPAN) > 0) {
            throw new BusinessRuleException("to", "monitoring.range.tooLong", MAX_SPAN.toDays());
        }
        return devices.byMn(mn);
    }

    private static OffsetDateTime at(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static Value value(ResultSet rs, int n) throws SQLException {
        return new Value(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getInt(2), (Double) rs.getObject(3),
                (Double) rs.getObject(4), (Double) rs.getObject(5), (Double) rs.getObject(6), (Double) rs.getObject(7),
                (Double) rs.getObject(8), (Double) rs.getObject(9), rs.getString(10));
    }
}
