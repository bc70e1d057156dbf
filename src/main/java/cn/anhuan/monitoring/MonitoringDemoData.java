package cn.anhuan.monitoring;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
 * Demo only: a device for every MN of the shared 2016 HJ 212 corpus (password 123456, as those loggers send),
 * each at a demo key pollutant unit's outlet, with ultra-low emission limits on stacks and discharge limits on
 * outfalls. Replaying the corpus into the running demo then fills readings and raises alarms.
 */
@Component
@Order(60)
class MonitoringDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(MonitoringDemoData.class);
    static final String PASSWORD = "123456";
    private static final Object[][] GAS_LIMITS = {{"a34013", "10"}, {"a21026", "35"}, {"a21002", "50"}};
    private static final Object[][] WATER_LIMITS = {{"w01018", "50"}, {"w21003", "5"}};

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final DeviceRegistry registry;
    private final boolean enabled;

    MonitoringDemoData(JdbcClient jdbc, AuditTrail audit, TransactionTemplate tx, Clock clock, DeviceRegistry registry,
                       @Value("${anhuan.demo.enabled:true}") boolean enabled) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.registry = registry;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || jdbc.sql("select count(*) from monitoring.device").query(Long.class).single() > 0) {
            return;
        }
        Integer n = tx.execute(status -> load());
        registry.invalidateLimits();
        log.info("Demo monitoring devices: {} (the MNs of the 2016 HJ 212 corpus, password {})", n, PASSWORD);
    }

    private int load() {
        List<String[]> devices = read();
        List<Map<String, Object>> enterprises = jdbc.sql("""
                select id, credit_code, name, region_code, zone_code, industry_code from enterprise.enterprise
                where status = 'OPERATING' order by key_pollutant_unit desc, id limit :n""")
                .param("n", devices.size()).query().listOfRows();
        if (enterprises.isEmpty()) {
            return 0;
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        String hash = DeviceService.hash(PASSWORD);
        List<AuditTrail.Change> changes = new ArrayList<>();
        for (int i = 0; i < devices.size(); i++) {
            String mn = devices.get(i)[0];
            boolean gas = "31".equals(devices.get(i)[1]);
            Map<String, Object> e = enterprises.get(i % enterprises.size());
            String outlet = (gas ? "DA" : "DW") + String.format("%03d", 1 + i / enterprises.size());
            long id = jdbc.sql("""
                    insert into monitoring.device (mn, password_hash, system_type, name, enterprise_id, credit_code,
                        outlet_code, region_code, zone_code, industry_code, expected_interval_s, created_at, updated_at)
                    values (:mn, :pw, :st, :name, :e, :code, :outlet, :region, :zone, :industry, 300, :now, :now)
                    returning id""")
                    .param("mn", mn).param("pw", hash).param("st", devices.get(i)[1])
                    .param("name", e.get("name") + " " + outlet).param("e", e.get("id")).param("code", e.get("credit_code"))
                    .param("outlet", outlet).param("region", e.get("region_code")).param("zone", e.get("zone_code"))
                    .param("industry", e.get("industry_code")).param("now", now).query(Long.class).single();
            for (Object[] l : gas ? GAS_LIMITS : WATER_LIMITS) {
                jdbc.sql("""
                        insert into monitoring.emission_limit (device_id, pollutant, limit_value, converted, data_cn, sustained)
                        values (:d, :p, :v, :converted, 2051, 3)""")
                        .param("d", id).param("p", l[0]).param("v", new BigDecimal((String) l[1]))
                        .param("converted", gas).update();
            }
            changes.add(new AuditTrail.Change("monitoring.device.registered", "device", id,
                    (String) e.get("region_code"), null, Map.of("mn", mn, "systemType", devices.get(i)[1],
                    "creditCode", e.get("credit_code"), "outletCode", outlet, "source", "demo")));
        }
        audit.recordAll(changes);
        return devices.size();
    }

    private static List<String[]> read() {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new ClassPathResource("demo/linfen/monitoring-devices.csv").getInputStream(), StandardCharsets.UTF_8))) {
            r.lines().filter(l -> !l.startsWith("#") && !l.startsWith("mn,") && !l.isBlank())
                    .forEach(l -> rows.add(l.split(",")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
