package cn.anhuan.air;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.NavigableMap;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Stores hourly values and everything derived from them: merges new hours with the stored neighbours that
 * their sliding windows need, recomputes sliding means, real-time AQI and the days touched, and writes both
 * tables with COPY into a staging table and one upsert each. Runs inside the caller's transaction.
 */
@Component
class AirDataWriter {

    private static final Duration DAY = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final AqiCalculator engine;

    AirDataWriter(JdbcClient jdbc, DataSource dataSource, AqiCalculator engine) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.engine = engine;
    }

    /** Writes the given hours (station id → hour → six values) and returns how many station-days were updated. */
    int write(Map<Long, NavigableMap<Instant, BigDecimal[]>> hours) {
        StringBuilder hourly = new StringBuilder();
        StringBuilder daily = new StringBuilder();
        int days = 0;
        for (var entry : hours.entrySet()) {
            NavigableMap<Instant, BigDecimal[]> imported = entry.getValue();
            Instant min = imported.firstKey();
            Instant max = imported.lastKey();
            LocalDate firstDay = min.atZone(StationSeries.CITY).toLocalDate();
            LocalDate lastDay = max.atZone(StationSeries.CITY).toLocalDate();
            Instant from = StationSeries.dayStart(firstDay).minus(Duration.ofHours(23));
            Instant to = StationSeries.dayStart(lastDay.plusDays(1)).plus(DAY);
            StationSeries series = new StationSeries(entry.getKey(), from, (int) Duration.between(from, to).toHours());
            load(series, to);
            imported.forEach((hour, values) -> series.raw[series.index(hour)] = values);
            int first = series.index(min);
            int last = Math.min(series.index(max) + 23, series.raw.length - 1);
            for (int i = first; i <= last; i++) {
                if (series.raw[i] != null) {
                    BigDecimal[] sliding = series.sliding(i);
                    appendHour(hourly, series, i, sliding, series.realtime(engine, i, sliding));
                }
            }
            for (LocalDate day : series.days(first, series.index(max))) {
                appendDay(daily, series.daily(engine, day));
                days++;
            }
        }
        copyAndUpsert(hourly.toString(), """
                create temp table if not exists hourly_in (like air.hourly) on commit drop""", "hourly_in", """
                insert into air.hourly select * from hourly_in
                on conflict (station_id, hour) do update set so2 = excluded.so2, no2 = excluded.no2,
                    co = excluded.co, o3 = excluded.o3, pm10 = excluded.pm10, pm25 = excluded.pm25,
                    o3_8h = excluded.o3_8h, pm10_24h = excluded.pm10_24h, pm25_24h = excluded.pm25_24h,
                    standard = excluded.standard, aqi = excluded.aqi, level = excluded.level,
                    primary_pollutants = excluded.primary_pollutants""");
        copyAndUpsert(daily.toString(), """
                create temp table if not exists daily_in (like air.daily) on commit drop""", "daily_in", """
                insert into air.daily select * from daily_in
                on conflict (station_id, day) do update set so2 = excluded.so2, no2 = excluded.no2,
                    co = excluded.co, o3_1h_max = excluded.o3_1h_max, o3_8h_max = excluded.o3_8h_max,
                    pm10 = excluded.pm10, pm25 = excluded.pm25, valid_hours = excluded.valid_hours,
                    standard = excluded.standard, aqi = excluded.aqi, level = excluded.level,
                    primary_pollutants = excluded.primary_pollutants""");
        return days;
    }

    private void load(StationSeries series, Instant to) {
        jdbc.sql("""
                select hour, so2, no2, co, o3, pm10, pm25 from air.hourly
                where station_id = :s and hour >= :from and hour < :to""")
                .param("s", series.stationId).param("from", utc(series.start)).param("to", utc(to))
                .query((RowCallbackHandler) rs -> {
                    BigDecimal[] v = new BigDecimal[Measured.ALL.length];
                    for (Measured m : Measured.ALL) {
                        v[m.ordinal()] = rs.getBigDecimal(m.column);
                    }
                    series.raw[series.index(rs.getObject("hour", OffsetDateTime.class).toInstant())] = v;
                });
    }

    private static void appendHour(StringBuilder out, StationSeries s, int i, BigDecimal[] sliding, AqiResult aqi) {
        out.append(s.stationId).append('\t').append(s.hour(i)).append('\t');
        for (BigDecimal v : s.raw[i]) {
            out.append(text(v)).append('\t');
        }
        for (BigDecimal v : sliding) {
            out.append(text(v)).append('\t');
        }
        appendAqi(out, aqi);
    }

    private static void appendDay(StringBuilder out, StationSeries.Daily d) {
        out.append(d.stationId()).append('\t').append(d.day()).append('\t');
        BigDecimal[] m = d.means();
        out.append(text(m[Measured.SO2.ordinal()])).append('\t').append(text(m[Measured.NO2.ordinal()])).append('\t')
                .append(text(m[Measured.CO.ordinal()])).append('\t').append(text(d.o3Max1h())).append('\t')
                .append(text(d.o3Max8h())).append('\t').append(text(m[Measured.PM10.ordinal()])).append('\t')
                .append(text(m[Measured.PM25.ordinal()])).append('\t').append(d.validHours()).append('\t');
        appendAqi(out, d.aqi());
    }

    private static void appendAqi(StringBuilder out, AqiResult aqi) {
        out.append(aqi.standard().code()).append('\t')
                .append(aqi.aqi() == null ? "\\N" : aqi.aqi().toString()).append('\t')
                .append(aqi.level() == null ? "\\N" : Integer.toString(aqi.level().number())).append('\t')
                .append(aqi.primary().isEmpty() ? "\\N"
                        : aqi.primary().stream().map(Enum::name).collect(Collectors.joining(",")))
                .append('\n');
    }

    private static String text(BigDecimal v) {
        return v == null ? "\\N" : v.toPlainString();
    }

    private void copyAndUpsert(String rows, String create, String staging, String upsert) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.sql(create).update();
        jdbc.sql("truncate " + staging).update();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + staging + " from stdin", new StringReader(rows));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("COPY into " + staging + " failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        jdbc.sql(upsert).update();
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
