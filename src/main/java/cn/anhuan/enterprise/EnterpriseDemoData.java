package cn.anhuan.enterprise;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import cn.anhuan.audit.AuditTrail;
import cn.anhuan.organization.RegionKind;
import cn.anhuan.organization.RegionService;
import cn.anhuan.organization.RegionView;
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
 * Demo only: a generated registry sized like Linfen's (about 150–170 enterprises per county, codes.md §6), with
 * valid unified social credit codes, and the demo officer's enterprise {@code 911410023123456732}. The names
 * and codes are synthetic.
 */
@Component
@Order(40)
class EnterpriseDemoData implements ApplicationRunner {

    static final String DEMO_ENTERPRISE = "911410023123456732";
    private static final Logger log = LoggerFactory.getLogger(EnterpriseDemoData.class);
    private static final String[] WORDS = {"晋南", "汾河", "尧都", "平阳", "华翔", "鑫源", "恒泰", "宏达", "永盛", "兴业",
            "瑞丰", "金石", "天宇", "国泰", "万通", "昌盛", "福源", "安达", "精工", "博远"};
    private static final Map<String, String> SUFFIX = Map.ofEntries(Map.entry("COAL_MINE", "煤业有限公司"),
            Map.entry("NON_COAL_MINE", "矿业有限公司"), Map.entry("HAZARDOUS_CHEMICALS", "化工有限公司"),
            Map.entry("FIREWORKS", "烟花爆竹经营部"), Map.entry("METALLURGY_TRADE", "钢铁制品有限公司"),
            Map.entry("ROAD_TRANSPORT", "运输有限公司"), Map.entry("CONSTRUCTION", "建筑工程有限公司"),
            Map.entry("GAS_SUPPLY", "燃气有限公司"), Map.entry("TOURISM", "旅游开发有限公司"),
            Map.entry("SPECIAL_EQUIPMENT", "机械设备有限公司"), Map.entry("FOOD_DRUG", "食品有限公司"));
    private static final String[] INDUSTRIES = {"COAL_MINE", "COAL_MINE", "NON_COAL_MINE", "NON_COAL_MINE",
            "NON_COAL_MINE", "HAZARDOUS_CHEMICALS", "HAZARDOUS_CHEMICALS", "HAZARDOUS_CHEMICALS", "HAZARDOUS_CHEMICALS",
            "FIREWORKS", "FIREWORKS", "METALLURGY_TRADE", "METALLURGY_TRADE", "METALLURGY_TRADE", "ROAD_TRANSPORT",
            "ROAD_TRANSPORT", "CONSTRUCTION", "GAS_SUPPLY", "TOURISM", "SPECIAL_EQUIPMENT", "FOOD_DRUG"};

    private final JdbcClient jdbc;
    private final EnterpriseService enterprises;
    private final EnterpriseRules rules;
    private final RegionService regions;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final boolean enabled;

    EnterpriseDemoData(JdbcClient jdbc, EnterpriseService enterprises, EnterpriseRules rules, RegionService regions,
                       AuditTrail audit, TransactionTemplate tx, @Value("${anhuan.demo.enabled:true}") boolean enabled) {
        this.jdbc = jdbc;
        this.enterprises = enterprises;
        this.rules = rules;
        this.regions = regions;
        this.audit = audit;
        this.tx = tx;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || jdbc.sql("select count(*) from enterprise.enterprise").query(Long.class).single() > 0
                || regions.find("141002").isEmpty()) {
            return;
        }
        int count = tx.execute(status -> load());
        log.info("Demo enterprises: {} (synthetic names and credit codes)", count);
    }

    private int load() {
        Random random = new Random(141000);
        Map<String, double[]> seats = seats();
        Set<String> codes = new HashSet<>();
        List<AuditTrail.Change> changes = new ArrayList<>();
        Map<String, Long> departments = new HashMap<>();
        List<EnterpriseCommand> all = new ArrayList<>();
        all.add(command(DEMO_ENTERPRISE, "临汾示范化工有限公司", "141002", null, "HAZARDOUS_CHEMICALS", random));
        codes.add(DEMO_ENTERPRISE);
        for (RegionView county : regions.find("141000").map(r -> regions.subtreeViews(r.code())).orElse(List.of())) {
            if (!county.kind().countyLevel() || county.kind() == RegionKind.ZONE) {
                continue;
            }
            int n = 150 + random.nextInt(21);
            for (int i = 0; i < n; i++) {
                String code;
                do {
                    StringBuilder body = new StringBuilder("91").append(county.code()).append("MA");
                    for (int k = 0; k < 6; k++) {
                        body.append(CreditCode.CHARSET.charAt(random.nextInt(CreditCode.CHARSET.length())));
                    }
                    code = CreditCode.complete(body.toString());
                } while (!codes.add(code));
                String industry = INDUSTRIES[random.nextInt(INDUSTRIES.length)];
                String zone = county.code().equals("141002") && random.nextInt(8) == 0 ? "Z14100001"
                        : county.code().equals("141081") && random.nextInt(6) == 0 ? "Z14100002" : null;
                String name = county.name().replaceAll("[区县市]$", "") + WORDS[random.nextInt(WORDS.length)]
                        + (i + 1) + SUFFIX.getOrDefault(industry, "有限公司");
                double[] seat = seats.get(county.code());
                EnterpriseCommand c = command(code, name, county.code(), zone, industry, random);
                if (seat != null) {
                    c = withPosition(c, seat[0] + random.nextGaussian() * 0.06, seat[1] + random.nextGaussian() * 0.08);
                }
                all.add(c);
            }
        }
        for (EnterpriseCommand c : all) {
            Long dept = departments.computeIfAbsent(c.regionCode() + "/" + c.industryCode(),
                    k -> rules.derivedDepartment(c.regionCode(), c.industryCode()));
            long id = enterprises.insert(c, dept);
            changes.add(new AuditTrail.Change("enterprise.seeded", "enterprise", id, c.regionCode(), null,
                    Map.of("creditCode", c.creditCode(), "name", c.name(), "industryCode", c.industryCode())));
        }
        audit.recordAll(changes);
        return all.size();
    }

    private static EnterpriseCommand withPosition(EnterpriseCommand c, double lat, double lon) {
        return new EnterpriseCommand(c.creditCode(), c.name(), c.regionCode(), c.zoneCode(), c.address(),
                BigDecimal.valueOf(lat).setScale(6, RoundingMode.HALF_EVEN),
                BigDecimal.valueOf(lon).setScale(6, RoundingMode.HALF_EVEN), c.industryCode(),
                c.gbt4754Code(), c.departmentId(), c.scale(), c.employees(), c.legalRepresentative(),
                c.safetyManager(), c.safetyManagerPhone(), c.standardizationGrade(), c.keyPollutantUnit(), c.status(),
                c.version());
    }

    /** Approximate county seats ({@code demo/<city>/county-seats.csv}), to place generated enterprises. */
    private static Map<String, double[]> seats() {
        Map<String, double[]> seats = new HashMap<>();
        var resource = new ClassPathResource("demo/linfen/county-seats.csv");
        try (var in = new BufferedReader(new InputStreamReader(resource.getInputStream(),
                StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",");
                seats.put(f[0], new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return seats;
    }

    private static EnterpriseCommand command(String code, String name, String region, String zone, String industry,
                                             Random random) {
        String[] scales = {"LARGE", "MEDIUM", "SMALL", "SMALL", "MICRO"};
        return new EnterpriseCommand(code, name, region, zone, null, null, null, industry, null, null,
                scales[random.nextInt(scales.length)], 5 + random.nextInt(800), null, null, null,
                random.nextInt(4) == 0 ? null : 1 + random.nextInt(3), random.nextInt(10) == 0, "OPERATING", null);
    }
}
