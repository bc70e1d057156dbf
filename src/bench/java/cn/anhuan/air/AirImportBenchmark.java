package cn.anhuan.air;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.sql.DataSource;

import cn.anhuan.BenchApp;
import org.postgresql.PGConnection;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A year of hourly data for 40 stations (350,400 station-hours) imported from CSV through the platform's
 * importer, then the daily, monthly and yearly figures; baseline in the same run: the same rows' raw values
 * COPYed straight into the same table with the same indexes. Durable embedded PostgreSQL, fresh data directory.
 */
public final class AirImportBenchmark {

    static final int STATIONS = 40;

    public static void main(String[] args) throws Exception {
        try (ConfigurableApplicationContext context = BenchApp.start(Map.of("anhuan.demo.enabled", "false"))) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            for (int s = 1; s <= STATIONS; s++) {
                jdbc.sql("insert into air.station (code, name, name_en, kind, region_code) values (:c, :c, :c, 'COUNTY', :r)")
                        .param("c", "B" + s).param("r", s % 2 == 0 ? "141002" : "141081").update();
            }
            int year = 2025;
            String csv = csv(year);
            long rows = csv.chars().filter(ch -> ch == '\n').count() - 1;
            HourlyImport importer = context.getBean(HourlyImport.class);
            AirQuality quality = context.getBean(AirQuality.class);

            long t0 = System.nanoTime();
            ImportReport report = importer.run(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                    "bench.csv", false);
            long t1 = System.nanoTime();
            int figures = 0;
            for (int m = 1; m <= 12; m++) {
                YearMonth ym = YearMonth.of(year, m);
                figures += quality.statistics(ym.atDay(1), ym.atEndOfMonth()).size();
            }
            List<RegionStatistics> yearly = quality.statistics(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
            long t2 = System.nanoTime();
            if (!report.ok() || report.hoursStored() != rows) {
                throw new IllegalStateException("import failed: " + report.errors().size() + " bad rows, first at line " + (report.errors().isEmpty() ? 0 : report.errors().get(0).line()));
            }

            jdbc.sql("truncate air.daily, air.hourly").update();
            DataSource ds = context.getBean(DataSource.class);
            String raw = copyRows(jdbc, csv);
            long t3 = System.nanoTime();
            try (Connection c = ds.getConnection()) {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "copy air.hourly (station_id, hour, so2, no2, co, o3, pm10, pm25) from stdin",
                        new StringReader(raw));
            }
            long t4 = System.nanoTime();

            System.out.printf("station-hours: %d (%d stations, year %d)%n", rows, STATIONS, year);
            System.out.printf("import (parse, validate, sliding means, real-time AQI, daily values, COPY+upsert): %.1f s, %.0f rows/s%n",
                    (t1 - t0) / 1e9, rows / ((t1 - t0) / 1e9));
            System.out.printf("station-days written: %d; monthly figures (12 months, %d rows) and yearly (%d rows): %.2f s%n",
                    report.stationDaysUpdated(), figures, yearly.size(), (t2 - t1) / 1e9);
            System.out.printf("total import + figures: %.1f s (target < 60 s)%n", (t2 - t0) / 1e9);
            System.out.printf("baseline raw COPY of the same rows' values into air.hourly: %.1f s, %.0f rows/s%n",
                    (t4 - t3) / 1e9, rows / ((t4 - t3) / 1e9));
        }
    }

    static String csv(int year) {
        Random random = new Random(year);
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        StringBuilder sb = new StringBuilder(40 * 9000 * 48).append("station,time,SO2,NO2,CO,O3,PM10,PM2.5\n");
        int hours = Year.of(year).length() * 24;
        for (int s = 1; s <= STATIONS; s++) {
            double pm = 50;
            LocalDateTime t = LocalDateTime.of(year, 1, 1, 0, 0);
            for (int h = 0; h < hours; h++, t = t.plusHours(1)) {
                pm = Math.max(3, pm + random.nextGaussian() * 8 - (pm - 60) * 0.04);
                sb.append('B').append(s).append(',').append(f.format(t)).append(',')
                        .append(5 + random.nextInt(40)).append(',').append(10 + random.nextInt(60)).append(',')
                        .append(java.math.BigDecimal.valueOf(random.nextInt(30) + 2, 1)).append(',').append(random.nextInt(200)).append(',')
                        .append(Math.round(pm * 1.6)).append(',').append(Math.round(pm)).append('\n');
            }
        }
        return sb.toString();
    }

    /** The CSV's rows as COPY text of the raw columns (ids and UTC hours resolved). */
    static String copyRows(JdbcClient jdbc, String csv) {
        Map<String, Long> ids = new java.util.HashMap<>();
        jdbc.sql("select code, id from air.station").query((org.springframework.jdbc.core.RowCallbackHandler) rs ->
                ids.put(rs.getString(1), rs.getLong(2)));
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        StringBuilder out = new StringBuilder(csv.length() + csv.length() / 2);
        for (String line : csv.split("\n")) {
            if (line.startsWith("station")) {
                continue;
            }
            String[] p = line.split(",");
            out.append(ids.get(p[0])).append('\t')
                    .append(LocalDateTime.parse(p[1], f).atZone(StationSeries.CITY).toInstant()).append('\t')
                    .append(String.join("\t", p[2], p[3], p[4], p[5], p[6], p[7])).append('\n');
        }
        return out.toString();
    }
}
