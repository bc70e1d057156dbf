package cn.anhuan.air;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Air-quality figures per county-level unit and for the city: the current (latest hour) AQI, daily AQI series,
 * and monthly or yearly statistics. A region's value is computed from the mean concentrations of its stations
 * (the city's from all stations), then evaluated by the standard in force for the data's date. These figures
 * are published to the public, so they are not limited by data scope; station data is (see StationService).
 */
@Service
@Transactional(readOnly = true)
public class AirQuality {

    /** The code used for the whole city in these figures. */
    public static final String CITY = "CITY";

    private static final String MEANS = """
            round(avg(so2), 3) so2, round(avg(no2), 3) no2, round(avg(co), 3) co, round(avg(o3), 3) o3,
            round(avg(pm10), 3) pm10, round(avg(pm25), 3) pm25""";

    private static final String DAILY_MEANS = """
            round(avg(so2), 3) so2, round(avg(no2), 3) no2, round(avg(co), 3) co,
            round(avg(pm10), 3) pm10, round(avg(pm25), 3) pm25""";

    private final JdbcClient jdbc;
    private final AqiCalculator engine;

    AirQuality(JdbcClient jdbc, AqiCalculator engine) {
        this.jdbc = jdbc;
        this.engine = engine;
    }

    /** The latest hour with data, for every region with stations and for the city. */
    public List<RegionAqi> current() {
        Instant latest = jdbc.sql("select max(hour) from air.hourly").query(OffsetDateTime.class).optional()
                .map(OffsetDateTime::toInstant).orElse(null);
        if (latest == null) {
            return List.of();
        }
        String sql = """
                select %s, %s, round(avg(o3_8h), 3) o3_8h, round(avg(pm10_24h), 3) pm10_24h,
                       round(avg(pm25_24h), 3) pm25_24h, count(*) n
                from air.hourly h join air.station s on s.id = h.station_id
                where h.hour = :hour group by %s""";
        List<RegionAqi> result = new ArrayList<>();
        for (String group : new String[] {"s.region_code", "'" + CITY + "'"}) {
            result.addAll(jdbc.sql(sql.formatted(group + " as region", MEANS, group.startsWith("s.") ? group : "1"))
                    .param("hour", OffsetDateTime.ofInstant(latest, java.time.ZoneOffset.UTC))
                    .query((rs, n) -> new RegionAqi(rs.getString("region"), latest, null,
                            engine.compute(AqiStandard.forDate(latest.atZone(StationSeries.CITY).toLocalDate()),
                                    AqiReport.HOURLY, hourly(rs)), rs.getInt("n")))
                    .list());
        }
        return result;
    }

    /** Daily AQI per region (and the city) between two days inclusive. */
    public List<RegionAqi> daily(LocalDate from, LocalDate to) {
        String sql = """
                select %s as region, day, %s, round(avg(o3_1h_max), 3) o3_1h_max, round(avg(o3_8h_max), 3) o3_8h_max,
                       count(*) n
                from air.daily d join air.station s on s.id = d.station_id
                where day between :from and :to group by %s, day order by day""";
        List<RegionAqi> result = new ArrayList<>();
        for (String group : new String[] {"s.region_code", "'" + CITY + "'"}) {
            result.addAll(jdbc.sql(sql.formatted(group, DAILY_MEANS, group.startsWith("s.") ? group : "1"))
                    .param("from", from).param("to", to)
                    .query((rs, n) -> {
                        LocalDate day = rs.getObject("day", LocalDate.class);
                        return new RegionAqi(rs.getString("region"), null, day,
                                engine.compute(AqiStandard.forDate(day), AqiReport.DAILY, daily(rs)), rs.getInt("n"));
                    }).list());
        }
        return result;
    }

    /** Statistics of every region and the city over [from, to], ranked by mean PM2.5 (lowest first). */
    public List<RegionStatistics> statistics(LocalDate from, LocalDate to) {
        Map<String, List<RegionAqi>> byRegion = new LinkedHashMap<>();
        for (RegionAqi d : daily(from, to)) {
            byRegion.computeIfAbsent(d.regionCode(), k -> new ArrayList<>()).add(d);
        }
        Map<String, BigDecimal[]> pm = new LinkedHashMap<>();
        jdbc.sql("""
                select s.region_code as region, round(avg(pm25), 1) pm25, round(avg(pm10), 1) pm10
                from air.daily d join air.station s on s.id = d.station_id
                where day between :from and :to group by s.region_code
                union all
                select 'CITY', round(avg(pm25), 1), round(avg(pm10), 1) from air.daily
                where day between :from and :to""")
                .param("from", from).param("to", to)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> pm.put(rs.getString(1),
                        new BigDecimal[] {rs.getBigDecimal(2), rs.getBigDecimal(3)}));
        List<RegionStatistics> stats = new ArrayList<>();
        byRegion.forEach((region, days) -> {
            int[] levels = new int[6];
            int valid = 0;
            int good = 0;
            for (RegionAqi d : days) {
                if (d.result().aqi() != null) {
                    valid++;
                    levels[d.result().level().number() - 1]++;
                    if (d.result().aqi() <= 100) {
                        good++;
                    }
                }
            }
            BigDecimal ratio = valid == 0 ? null : BigDecimal.valueOf(good * 100L)
                    .divide(BigDecimal.valueOf(valid), 1, RoundingMode.HALF_EVEN);
            BigDecimal[] means = pm.getOrDefault(region, new BigDecimal[2]);
            stats.add(new RegionStatistics(region, valid, good, ratio, means[0], means[1], levels, 0));
        });
        List<RegionStatistics> counties = stats.stream().filter(s -> !CITY.equals(s.regionCode()))
                .sorted(Comparator.comparing(RegionStatistics::pm25Mean,
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        List<RegionStatistics> ranked = new ArrayList<>();
        for (int i = 0; i < counties.size(); i++) {
            RegionStatistics s = counties.get(i);
            ranked.add(new RegionStatistics(s.regionCode(), s.validDays(), s.goodDays(), s.goodRatio(), s.pm25Mean(),
                    s.pm10Mean(), s.daysByLevel(), i + 1));
        }
        stats.stream().filter(s -> CITY.equals(s.regionCode())).forEach(ranked::add);
        return ranked;
    }

    private static Concentrations hourly(ResultSet rs) throws SQLException {
        Concentrations c = means(rs, true);
        return c.set(Indicator.O3_8H, rs.getBigDecimal("o3_8h")).set(Indicator.PM10_24H, rs.getBigDecimal("pm10_24h"))
                .set(Indicator.PM2_5_24H, rs.getBigDecimal("pm25_24h"));
    }

    private static Concentrations daily(ResultSet rs) throws SQLException {
        return means(rs, false).set(Indicator.O3_1H, rs.getBigDecimal("o3_1h_max"))
                .set(Indicator.O3_8H, rs.getBigDecimal("o3_8h_max"));
    }

    private static Concentrations means(ResultSet rs, boolean hourly) throws SQLException {
        Concentrations c = new Concentrations();
        for (Measured m : Measured.ALL) {
            Indicator indicator = hourly ? m.hourly : m.daily;
            if (indicator != null) {
                c.set(indicator, rs.getBigDecimal(m.column));
            }
        }
        return c;
    }
}
