package cn.anhuan.risk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import cn.anhuan.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Demo only: generated LEC assessments for about a third of the demo enterprises, so the risk map has colour. */
@Component
@Order(50)
class RiskDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RiskDemoData.class);
    private static final String[][] POINTS = {{"储罐区", "SITE"}, {"有限空间作业", "OPERATION"}, {"起重机械", "EQUIPMENT"},
            {"动火作业", "OPERATION"}, {"变配电室", "SITE"}, {"高处作业", "OPERATION"}};
    private static final String[] L = {"10", "6", "3", "1", "0.5"};
    private static final String[] E = {"10", "6", "3", "2", "1"};
    private static final String[] C = {"40", "15", "7", "3", "1"};

    private final JdbcClient jdbc;
    private final RiskService risks;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean enabled;

    RiskDemoData(JdbcClient jdbc, RiskService risks, AuditTrail audit, TransactionTemplate tx, Clock clock,
                 @Value("${anhuan.demo.enabled:true}") boolean enabled) {
        this.jdbc = jdbc;
        this.risks = risks;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || jdbc.sql("select count(*) from risk.point").query(Long.class).single() > 0) {
            return;
        }
        Integer n = tx.execute(status -> load());
        log.info("Demo risk points: {} (generated assessments)", n);
    }

    private int load() {
        Random random = new Random(2016);
        List<Map<String, Object>> enterprises = jdbc.sql("""
                select id, credit_code, region_code, zone_code, industry_code from enterprise.enterprise
                where id % 3 = 0 order by id""").query().listOfRows();
        List<AuditTrail.Change> changes = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (Map<String, Object> e : enterprises) {
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                String[] point = POINTS[random.nextInt(POINTS.length)];
                BigDecimal l = new BigDecimal(L[random.nextInt(L.length)]);
                BigDecimal ex = new BigDecimal(E[random.nextInt(E.length)]);
                BigDecimal c = new BigDecimal(C[random.nextInt(C.length)]);
                BigDecimal score = l.multiply(ex).multiply(c).setScale(2, RoundingMode.HALF_EVEN);
                RiskService.Grade grade = risks.grade(RiskMethod.LEC, (String) e.get("industry_code"), score);
                long id = jdbc.sql("""
                        insert into risk.point (enterprise_id, credit_code, region_code, zone_code, industry_code, name,
                            kind, method, l, e, c, score, level, band_version, control_measures, responsible_post,
                            created_at, updated_at)
                        values (:eid, :code, :region, :zone, :industry, :name, :kind, 'LEC', :l, :e, :c, :score, :level,
                            :band, '落实岗位安全操作规程，定期检查', '安全管理员', :now, :now) returning id""")
                        .param("eid", e.get("id")).param("code", e.get("credit_code")).param("region", e.get("region_code"))
                        .param("zone", e.get("zone_code")).param("industry", e.get("industry_code"))
                        .param("name", point[0]).param("kind", point[1]).param("l", l).param("e", ex).param("c", c)
                        .param("score", score).param("level", grade.level()).param("band", grade.bandVersion())
                        .param("now", now).query(Long.class).single();
                changes.add(new AuditTrail.Change("risk.point.seeded", "risk-point", id, (String) e.get("region_code"),
                        null, Map.of("name", point[0], "score", score.toPlainString(), "level", grade.level())));
            }
        }
        audit.recordAll(changes);
        return changes.size();
    }
}
