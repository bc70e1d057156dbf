package cn.anhuan.air;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Random;

import cn.anhuan.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo only: the city's air stations ({@code demo/<city>/stations.csv}) and a synthetic week of hourly data up
 * to the last full hour, so that the public page has something to show before real HJ 212 data arrives. The
 * values are generated (a seeded random walk with a daily cycle), not measurements.
 */
@Component
@Order(30)
class AirDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AirDemoData.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    static final int DAYS = 7;

    private final JdbcClient jdbc;
    private final HourlyImport importer;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean enabled;
    private final String city;

    AirDemoData(JdbcClient jdbc, HourlyImport importer, AuditTrail audit, TransactionTemplate tx, Clock clock,
                @Value("${anhuan.demo.enabled:true}") boolean enabled, @Value("${anhuan.demo.city:linfen}") String city) {
        this.jdbc = jdbc;
        this.importer = importer;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.enabled = enabled;
        this.city = city;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!enabled || jdbc.sql("select count(*) from air.station").query(Long.class).single() > 0) {
            return;
        }
        ClassPathResource resource = new ClassPathResource("demo/" + city + "/stations.csv");
        if (!resource.exists()) {
            return;
        }
        StringBuilder csv = new StringBuilder("station,time,SO2,NO2,CO,O3,PM10,PM2.5\n");
        LocalDateTime end = LocalDateTime.now(clock.withZone(StationSeries.CITY)).truncatedTo(ChronoUnit.HOURS);
        Random random = new Random(141000);
        int stations = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",", -1);
                tx.executeWithoutResult(s -> {
                    jdbc.sql("""
                            insert into air.station (code, kind, region_code, name, name_en, latitude, longitude)
                            values (:code, :kind, :region, :name, :nameEn, cast(:lat as numeric), cast(:lon as numeric))""")
                            .param("code", f[0]).param("kind", f[1]).param("region", f[2]).param("name", f[3])
                            .param("nameEn", f[4]).param("lat", f[5]).param("lon", f[6]).update();
                    audit.record("station.seeded", "station", f[0], f[2], null, Map.of("name", f[3], "kind", f[1]));
                });
                stations++;
                double pm25 = 30 + random.nextInt(40);
                for (LocalDateTime t = end.minusDays(DAYS); t.isBefore(end); t = t.plusHours(1)) {
                    double cycle = Math.sin((t.getHour() - 3) / 24.0 * 2 * Math.PI);
                    pm25 = Math.max(5, pm25 + random.nextGaussian() * 6 - (pm25 - 55) * 0.05);
                    double o3 = Math.max(2, 70 + 60 * cycle + random.nextGaussian() * 10);
                    csv.append(f[0]).append(',').append(TIME.format(t)).append(',')
                            .append(Math.round(8 + random.nextDouble() * 20)).append(',')
                            .append(Math.round(20 + 15 * -cycle + random.nextDouble() * 10)).append(',')
                            .append(String.format(java.util.Locale.ROOT, "%.1f", 0.6 + random.nextDouble() * 0.8)).append(',')
                            .append(Math.round(o3)).append(',')
                            .append(Math.round(pm25 * 1.7 + random.nextDouble() * 15)).append(',')
                            .append(Math.round(pm25)).append('\n');
                }
            }
        }
        ImportReport report = importer.run(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
                "demo-air-week.csv", false);
        log.info("Demo air data: {} stations, {} synthetic station-hours, {} station-days", stations,
                report.hoursStored(), report.stationDaysUpdated());
    }
}
