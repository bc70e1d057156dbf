package cn.anhuan.risk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.anhuan.audit.AuditTrail;
import cn.anhuan.enterprise.EnterpriseRecords;
import cn.anhuan.enterprise.EnterpriseService;
import cn.anhuan.enterprise.EnterpriseView;
import cn.anhuan.shared.ConflictException;
import cn.anhuan.shared.InvalidInputException.FieldProblem;
import cn.anhuan.shared.InvalidInputException;
import cn.anhuan.shared.NotFoundException;
import cn.anhuan.shared.ScopeSql;
import cn.anhuan.shared.Versions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Risk points and their grading. The bands are configuration per method and industry (versioned; the default
 * applies to industries without their own); each assessment keeps the band version it was graded with. An
 * enterprise's risk level is the most severe of its points and of its major hazard installations (一级 → 重大 …).
 */
@Service
@Transactional(readOnly = true)
public class RiskService {

    static final String ASSESSORS = "hasAnyRole('SYSTEM_ADMIN', 'CITY_SUPERVISOR', 'COUNTY_SUPERVISOR', 'INSPECTOR', "
            + "'ENTERPRISE_OFFICER')";

    private final JdbcClient jdbc;
    private final EnterpriseService enterprises;
    private final EnterpriseRecords records;
    private final AuditTrail audit;
    private final Clock clock;

    RiskService(JdbcClient jdbc, EnterpriseService enterprises, EnterpriseRecords records, AuditTrail audit,
                Clock clock) {
        this.jdbc = jdbc;
        this.enterprises = enterprises;
        this.records = records;
        this.audit = audit;
        this.clock = clock;
    }

    /** The points of one enterprise, or of every enterprise in scope when {@code enterpriseId} is null. */
    public List<RiskPointView> points(Long enterpriseId) {
        if (enterpriseId != null) {
            enterprises.get(enterpriseId);
        }
        return ScopeSql.bind(jdbc.sql("select * from risk.point where " + ScopeSql.enterprise("") + """
                  and (cast(:e as bigint) is null or enterprise_id = :e)
                order by level, id limit 2000""")).param("e", enterpriseId).query(RiskService::map).list();
    }

    /**
     * One page of the points in scope (of one enterprise, or all), most severe level first: the page after the
     * point {@code after} in that order (keyset), at most {@code limit}.
     */
    public List<RiskPointView> page(Long enterpriseId, Long after, int limit) {
        if (enterpriseId != null) {
            enterprises.get(enterpriseId);
        }
        return ScopeSql.bind(jdbc.sql("select * from risk.point where " + ScopeSql.enterprise("") + """
                  and (cast(:e as bigint) is null or enterprise_id = :e)
                  and (cast(:after as bigint) is null
                       or (level, id) > (select p.level, p.id from risk.point p where p.id = :after))
                order by level, id limit :limit""")).param("e", enterpriseId).param("after", after)
                .param("limit", limit).query(RiskService::map).list();
    }

    /** How many points in scope (of one enterprise, or all) have each level (1..4; absent levels have none). */
    public Map<Integer, Long> countsByLevel(Long enterpriseId) {
        Map<Integer, Long> counts = new HashMap<>();
        ScopeSql.bind(jdbc.sql("select level, count(*) from risk.point where " + ScopeSql.enterprise("") + """
                  and (cast(:e as bigint) is null or enterprise_id = :e)
                group by level""")).param("e", enterpriseId)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> counts.put(rs.getInt(1), rs.getLong(2)));
        return counts;
    }

    public RiskPointView get(long id) {
        return ScopeSql.bind(jdbc.sql("select * from risk.point where id = :id and " + ScopeSql.enterprise("")))
                .param("id", id).query(RiskService::map).optional()
                .orElseThrow(() -> new NotFoundException("risk-point", id));
    }

    /** Grades a score by the bands in force for a method and industry: the level and the band version used. */
    public Grade grade(RiskMethod method, String industryCode, BigDecimal score) {
        Bands bands = bands(method, industryCode);
        for (int level = 1; level <= 3; level++) {
            if (score.compareTo(bands.lowerBounds()[level - 1]) > 0) {
                return new Grade(level, bands.version());
            }
        }
        return new Grade(4, bands.version());
    }

    /** The bands in force: the industry's own latest version, else the default's. */
    public Bands bands(RiskMethod method, String industryCode) {
        for (String industry : new String[] {industryCode, "*"}) {
            List<Map<String, Object>> rows = jdbc.sql("""
                    select version, level, lower_bound from risk.band
                    where method = :m and industry_code = :i
                      and version = (select max(version) from risk.band where method = :m and industry_code = :i)
                    order by level""").param("m", method.name()).param("i", industry == null ? "*" : industry)
                    .query().listOfRows();
            if (rows.size() == 3) {
                BigDecimal[] bounds = rows.stream().map(r -> (BigDecimal) r.get("lower_bound")).toArray(BigDecimal[]::new);
                return new Bands(method, industry, method.name() + "/" + industry + "/v" + rows.get(0).get("version"),
                        bounds);
            }
        }
        throw new IllegalStateException("No bands for " + method);
    }

    /** Sets new bands (a new version) for a method and an industry ({@code *} for the default). */
    @Transactional
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    public Bands setBands(RiskMethod method, String industryCode, List<BigDecimal> lowerBounds) {
        if (lowerBounds.size() != 3 || lowerBounds.get(0).compareTo(lowerBounds.get(1)) <= 0
                || lowerBounds.get(1).compareTo(lowerBounds.get(2)) <= 0 || lowerBounds.get(2).signum() < 0) {
            throw new InvalidInputException(List.of(new FieldProblem("lowerBounds", "risk.bands.order")));
        }
        String industry = industryCode == null || industryCode.isBlank() ? "*" : industryCode;
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from risk.band where method = :m and industry_code = :i")
                .param("m", method.name()).param("i", industry).query(Integer.class).single();
        for (int level = 1; level <= 3; level++) {
            jdbc.sql("insert into risk.band (method, industry_code, version, level, lower_bound) values (:m, :i, :v, :l, :b)")
                    .param("m", method.name()).param("i", industry).param("v", version).param("l", level)
                    .param("b", lowerBounds.get(level - 1)).update();
        }
        audit.record("risk.bands.set", "risk-bands", method + "/" + industry, null, null,
                Map.of("version", version, "lowerBounds", lowerBounds.toString()));
        return bands(method, industry);
    }

    @Transactional
    @PreAuthorize(ASSESSORS)
    public RiskPointView assess(RiskPointCommand c) {
        EnterpriseView e = enterprises.referenced("enterpriseId", c.enterpriseId());
        Scored s = score(c, e);
        long id = jdbc.sql("""
                insert into risk.point (enterprise_id, credit_code, region_code, zone_code, industry_code, name, kind,
                    method, l, e, c, s, score, level, band_version, control_measures, responsible_post, created_at,
                    updated_at)
                values (:eid, :code, :region, :zone, :industry, :name, :kind, :method, :l, :e, :c, :s, :score, :level,
                    :band, :measures, :post, :now, :now) returning id""")
                .params(params(c, e, s)).query(Long.class).single();
        RiskPointView created = get(id);
        audit.record("risk.point.assessed", "risk-point", id, e.regionCode(), null, fields(created));
        return created;
    }

    @Transactional
    @PreAuthorize(ASSESSORS)
    public RiskPointView reassess(long id, RiskPointCommand c) {
        RiskPointView before = get(id);
        EnterpriseView e = enterprises.get(before.enterpriseId());
        Scored s = score(c, e);
        int updated = jdbc.sql("""
                update risk.point set name = :name, kind = :kind, method = :method, l = :l, e = :e, c = :c, s = :s,
                    score = :score, level = :level, band_version = :band, control_measures = :measures,
                    responsible_post = :post, updated_at = :now, version = version + 1
                where id = :id and version = :version""")
                .params(params(c, e, s)).param("id", id)
                .param("version", Versions.required(c.version())).update();
        if (updated == 0) {
            throw ConflictException.staleVersion("risk-point", id);
        }
        RiskPointView after = get(id);
        audit.record("risk.point.reassessed", "risk-point", id, e.regionCode(), fields(before), fields(after));
        return after;
    }

    /** The risk level of every enterprise in scope that has points or major hazards (enterprise id → 1..4). */
    public Map<Long, Integer> enterpriseLevels() {
        Map<Long, Integer> levels = new HashMap<>(records.highestMajorHazardLevels());
        ScopeSql.bind(jdbc.sql("select enterprise_id, min(level) from risk.point where " + ScopeSql.enterprise("")
                        + " group by enterprise_id"))
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs ->
                        levels.merge(rs.getLong(1), rs.getInt(2), Math::min));
        return levels;
    }

    /** One enterprise's risk level, or null when it has neither points nor major hazards. */
    public Integer enterpriseLevel(long enterpriseId) {
        Integer hazards = records.highestMajorHazardLevel(enterpriseId);
        Integer points = jdbc.sql("select min(level) from risk.point where enterprise_id = :e").param("e", enterpriseId)
                .query(Integer.class).optional().orElse(null);
        return hazards == null ? points : points == null ? hazards : Math.min(hazards, points);
    }

    private Scored score(RiskPointCommand c, EnterpriseView e) {
        List<FieldProblem> problems = new ArrayList<>();
        BigDecimal score;
        if (c.method() == RiskMethod.LEC) {
            check(problems, "l", RiskMethod.LEC_L, c.l());
            check(problems, "e", RiskMethod.LEC_E, c.e());
            check(problems, "c", RiskMethod.LEC_C, c.c());
            score = problems.isEmpty() ? c.l().multiply(c.e()).multiply(c.c()) : null;
        } else {
            check(problems, "l", RiskMethod.LS_VALUES, c.l());
            check(problems, "s", RiskMethod.LS_VALUES, c.s());
            score = problems.isEmpty() ? c.l().multiply(c.s()) : null;
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        score = score.setScale(2, RoundingMode.HALF_EVEN);
        return new Scored(score, grade(c.method(), e.industryCode(), score));
    }

    private static void check(List<FieldProblem> problems, String field, java.util.Set<String> allowed, BigDecimal v) {
        if (!RiskMethod.allowed(allowed, v)) {
            problems.add(new FieldProblem(field, "risk.value.invalid", v == null ? "" : v.toPlainString(),
                    String.join(", ", new java.util.TreeSet<>(allowed))));
        }
    }

    private Map<String, Object> params(RiskPointCommand c, EnterpriseView e, Scored s) {
        Map<String, Object> p = new HashMap<>();
        p.put("eid", e.id());
        p.put("code", e.creditCode());
        p.put("region", e.regionCode());
        p.put("zone", e.zoneCode());
        p.put("industry", e.industryCode());
        p.put("name", c.name().trim());
        p.put("kind", c.kind());
        p.put("method", c.method().name());
        p.put("l", c.l());
        p.put("e", c.method() == RiskMethod.LEC ? c.e() : null);
        p.put("c", c.method() == RiskMethod.LEC ? c.c() : null);
        p.put("s", c.method() == RiskMethod.LS ? c.s() : null);
        p.put("score", s.score());
        p.put("level", s.grade().level());
        p.put("band", s.grade().bandVersion());
        p.put("measures", c.controlMeasures().trim());
        p.put("post", c.responsiblePost().trim());
        p.put("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        return p;
    }

    private static Map<String, Object> fields(RiskPointView p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("method", p.method().name());
        m.put("score", p.score().toPlainString());
        m.put("level", p.level());
        m.put("bandVersion", p.bandVersion());
        m.put("controlMeasures", p.controlMeasures());
        m.put("responsiblePost", p.responsiblePost());
        return m;
    }

    static RiskPointView map(ResultSet rs, int n) throws SQLException {
        return new RiskPointView(rs.getLong("id"), rs.getLong("enterprise_id"), rs.getString("credit_code"),
                rs.getString("region_code"), rs.getString("industry_code"), rs.getString("name"), rs.getString("kind"),
                RiskMethod.valueOf(rs.getString("method")), rs.getBigDecimal("l"), rs.getBigDecimal("e"),
                rs.getBigDecimal("c"), rs.getBigDecimal("s"), rs.getBigDecimal("score"), rs.getInt("level"),
                rs.getString("band_version"), rs.getString("control_measures"), rs.getString("responsible_post"),
                rs.getInt("version"));
    }

    /** A level and the band version that produced it. */
    public record Grade(int level, String bandVersion) {
    }

    /** The bands in force: lower bounds (exclusive) of levels 1, 2 and 3; level 4 below the last. */
    public record Bands(RiskMethod method, String industryCode, String version, BigDecimal[] lowerBounds) {
    }

    private record Scored(BigDecimal score, Grade grade) {
    }
}
