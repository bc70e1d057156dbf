package cn.anhuan.air;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** One station's stored hourly and daily values; the station itself is looked up within the caller's scope. */
@Service
@Transactional(readOnly = true)
public class StationData {

    private static final int MAX_HOURS = 24 * 93;
    private static final int MAX_DAYS = 366 * 2;

    private final JdbcClient jdbc;
    private final StationService stations;

    StationData(JdbcClient jdbc, StationService stations) {
        this.jdbc = jdbc;
        this.stations = stations;
    }

    /** Hourly values in [from, to), at most about three months. */
    public List<HourValue> hourly(String stationCode, Instant from, Instant to) {
        StationView station = stations.get(stationCode);
        return jdbc.sql("""
                select hour, so2, no2, co, o3, pm10, pm25, o3_8h, pm10_24h, pm25_24h, standard, aqi, level,
                       primary_pollutants
                from air.hourly where station_id = :s and hour >= :from and hour < :to order by hour limit :max""")
                .param("s", station.id()).param("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .param("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC)).param("max", MAX_HOURS)
                .query((rs, n) -> new HourValue(rs.getObject("hour", OffsetDateTime.class).toInstant(),
                        rs.getBigDecimal("so2"), rs.getBigDecimal("no2"), rs.getBigDecimal("co"), rs.getBigDecimal("o3"),
                        rs.getBigDecimal("pm10"), rs.getBigDecimal("pm25"), rs.getBigDecimal("o3_8h"),
                        rs.getBigDecimal("pm10_24h"), rs.getBigDecimal("pm25_24h"), rs.getString("standard"),
                        (Integer) rs.getObject("aqi"), (Integer) rs.getObject("level", Integer.class),
                        rs.getString("primary_pollutants")))
                .list();
    }

    /** Daily values between two days inclusive, at most two years. */
    public List<DayValue> daily(String stationCode, LocalDate from, LocalDate to) {
        StationView station = stations.get(stationCode);
        return jdbc.sql("""
                select day, so2, no2, co, o3_1h_max, o3_8h_max, pm10, pm25, valid_hours, standard, aqi, level,
                       primary_pollutants
                from air.daily where station_id = :s and day between :from and :to order by day limit :max""")
                .param("s", station.id()).param("from", from).param("to", to).param("max", MAX_DAYS)
                .query((rs, n) -> new DayValue(rs.getObject("day", LocalDate.class), rs.getBigDecimal("so2"),
                        rs.getBigDecimal("no2"), rs.getBigDecimal("co"), rs.getBigDecimal("o3_1h_max"),
                        rs.getBigDecimal("o3_8h_max"), rs.getBigDecimal("pm10"), rs.getBigDecimal("pm25"),
                        rs.getInt("valid_hours"), rs.getString("standard"), (Integer) rs.getObject("aqi"),
                        rs.getObject("level", Integer.class), rs.getString("primary_pollutants")))
                .list();
    }

    /** A stored station-hour: 1-h means, sliding means and the real-time AQI with its standard. */
    public record HourValue(Instant hour, BigDecimal so2, BigDecimal no2, BigDecimal co, BigDecimal o3,
                            BigDecimal pm10, BigDecimal pm25, BigDecimal o3_8h, BigDecimal pm10_24h,
                            BigDecimal pm25_24h, String standard, Integer aqi, Integer level, String primaryPollutants) {
    }

    /** A stored station-day: valid daily values (null where too few hours) and the daily AQI. */
    public record DayValue(LocalDate day, BigDecimal so2, BigDecimal no2, BigDecimal co, BigDecimal o3_1hMax,
                           BigDecimal o3_8hMax, BigDecimal pm10, BigDecimal pm25, int validHours, String standard,
                           Integer aqi, Integer level, String primaryPollutants) {
    }
}
