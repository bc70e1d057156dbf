package cn.anhuan.enterprise;

import static cn.anhuan.shared.Texts.trimToNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.anhuan.audit.AuditTrail;
import cn.anhuan.organization.IndustryService;
import cn.anhuan.organization.RegionService;
import cn.anhuan.shared.BusinessRuleException;
import cn.anhuan.shared.ConflictException;
import cn.anhuan.shared.InvalidInputException.FieldProblem;
import cn.anhuan.shared.InvalidInputException;
import cn.anhuan.shared.NotFoundException;
import cn.anhuan.shared.ScopeSql;
import cn.anhuan.shared.Versions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The enterprise registry. Reads see only the caller's scope: its regions (county or zone), its industries
 * (department supervisors) or its own enterprise (enterprise officers); anything else is "not found".
 */
@Service
@Transactional(readOnly = true)
public class EnterpriseService {

    static final String EDITORS = "hasAnyRole('SYSTEM_ADMIN', 'CITY_SUPERVISOR', 'COUNTY_SUPERVISOR')";
    /** The editors and the enterprise's own safety officer (whose scope is that enterprise alone). */
    static final String DETAIL_EDITORS =
            "hasAnyRole('SYSTEM_ADMIN', 'CITY_SUPERVISOR', 'COUNTY_SUPERVISOR', 'ENTERPRISE_OFFICER')";

    private final JdbcClient jdbc;
    private final EnterpriseRules rules;
    private final IndustryService industries;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final RegionService regions;

    EnterpriseService(JdbcClient jdbc, EnterpriseRules rules, IndustryService industries, AuditTrail audit,
                      Clock clock, ApplicationEventPublisher events, RegionService regions) {
        this.events = events;
        this.regions = regions;
        this.jdbc = jdbc;
        this.rules = rules;
        this.industries = industries;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * One page of the filtered list, ordered by id, after {@code afterId} (keyset paging). The SQL holds only the
     * filters in use (each combination gets a plan of its own; a catch-all {@code :x is null or …} gets one generic
     * plan that suits none), and a region filter reads the one column its kind uses ({@link ScopeSql#region}).
     */
    public List<EnterpriseView> search(EnterpriseFilter f, Long afterId, int limit) {
        Map<String, Object> p = new java.util.HashMap<>();
        StringBuilder sql = new StringBuilder("select * from enterprise.enterprise where").append(where(f, p));
        if (afterId != null) {
            sql.append(" and id > :after");
            p.put("after", afterId);
        }
        sql.append(" order by id limit :limit");
        p.put("limit", limit);
        return scoped(jdbc.sql(sql.toString()).params(p)).query(EnterpriseService::map).list();
    }

    /** How many enterprises the list with this filter holds in the caller's scope (all pages): the same conditions. */
    public long count(EnterpriseFilter f) {
        Map<String, Object> p = new java.util.HashMap<>();
        return scoped(jdbc.sql("select count(*) from enterprise.enterprise where" + where(f, p)).params(p))
                .query(Long.class).single();
    }

    /** The scope and the filter's conditions, each only when in use; parameters go into {@code p}. */
    private String where(EnterpriseFilter f, Map<String, Object> p) {
        StringBuilder sql = new StringBuilder(ScopeSql.enterprise(""));
        String text = trimToNull(f.text());
        if (text != null) {
            sql.append(" and (name like '%' || :q || '%' or credit_code = upper(:q))");
            p.put("q", text);
        }
        String region = trimToNull(f.regionCode());
        if (region != null) {
            sql.append(" and ").append(ScopeSql.region(regions.isZone(region)));
            p.put("region", region);
        }
        equal(sql, p, "industry_code", trimToNull(f.industryCode()));
        equal(sql, p, "status", trimToNull(f.status()));
        return sql.toString();
    }

    /** {@code and column = :column} when the filter has a value, else nothing. */
    private static void equal(StringBuilder sql, Map<String, Object> p, String column, String value) {
        if (value != null) {
            sql.append(" and ").append(column).append(" = :").append(column);
            p.put(column, value);
        }
    }

    public long countVisible() {
        return scoped(jdbc.sql("select count(*) from enterprise.enterprise where " + ScopeSql.enterprise(""))).query(Long.class).single();
    }

    /** The enterprise with this unified social credit code, if the caller may see it. */
    public java.util.Optional<EnterpriseView> byCreditCode(String creditCode) {
        return scoped(jdbc.sql("select * from enterprise.enterprise where credit_code = :code and "
                + ScopeSql.enterprise(""))).param("code", creditCode).query(EnterpriseService::map).optional();
    }

    /** Those of the given credit codes whose enterprise the caller may see (one query). */
    public java.util.Set<String> visibleCreditCodes(java.util.Collection<String> creditCodes) {
        if (creditCodes.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(scoped(jdbc.sql("select credit_code from enterprise.enterprise"
                + " where credit_code = any(string_to_array(:codes, ',')) and " + ScopeSql.enterprise("")))
                .param("codes", String.join(",", creditCodes)).query(String.class).list());
    }

    /** The names of those of these enterprises the caller may see, by id (one query; lists show them). */
    public Map<Long, String> names(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> names = new java.util.HashMap<>();
        scoped(jdbc.sql("select id, name from enterprise.enterprise where id = any(string_to_array(:ids, ',')::bigint[])"
                + " and " + ScopeSql.enterprise("")))
                .param("ids", ids.stream().distinct().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")))
                .query(rs -> {
                    names.put(rs.getLong(1), rs.getString(2));
                });
        return names;
    }

    /**
     * The enterprise a change refers to in its body ({@code field}: a hazard's, a risk point's), if the caller may
     * see it. Otherwise a 400 naming the field: a reference in a body is a wrong field, not a missing resource, and
     * the message says no more than "not found" would (existence outside the scope stays hidden).
     */
    public EnterpriseView referenced(String field, Long id) {
        return scoped(jdbc.sql("select * from enterprise.enterprise where id = :id and " + ScopeSql.enterprise("")))
                .param("id", id).query(EnterpriseService::map).optional()
                .orElseThrow(() -> new BusinessRuleException(field, "reference.outOfScope", field,
                        String.valueOf(id)));
    }

    public EnterpriseView get(long id) {
        return scoped(jdbc.sql("select * from enterprise.enterprise where id = :id and " + ScopeSql.enterprise(""))).param("id", id)
                .query(EnterpriseService::map).optional().orElseThrow(() -> new NotFoundException("enterprise", id));
    }

    @Transactional
    @PreAuthorize(EDITORS)
    public Saved create(EnterpriseCommand c) {
        EnterpriseRules.Outcome outcome = checked(c, null);
        long id = insert(c);
        EnterpriseView created = getUnscoped(id);
        audit.record("enterprise.created", "enterprise", id, created.regionCode(), null, fields(created));
        return new Saved(created, outcome.warnings());
    }

    @Transactional
    @PreAuthorize(EDITORS)
    public Saved update(long id, EnterpriseCommand c) {
        EnterpriseView before = get(id);
        EnterpriseRules.Outcome outcome = checked(c, before);
        Long department = c.departmentId() != null ? c.departmentId()
                : rules.derivedDepartment(c.regionCode().trim(), c.industryCode().trim());
        int updated = jdbc.sql("""
                update enterprise.enterprise set credit_code = :code, name = :name, region_code = :region,
                    zone_code = :zone, address = :address, latitude = :lat, longitude = :lon, industry_code = :industry,
                    gbt4754_code = :gbt, department_id = :dept, department_overridden = :overridden, scale = :scale,
                    employees = :employees, legal_representative = :legal, safety_manager = :manager,
                    safety_manager_phone = :phone, standardization_grade = :grade, key_pollutant_unit = :key,
                    status = :status, updated_at = :now, version = version + 1
                where id = :id and version = :version""")
                .params(params(c, department)).param("id", id)
                .param("version", Versions.required(c.version())).update();
        if (updated == 0) {
            throw ConflictException.staleVersion("enterprise", id);
        }
        EnterpriseView after = getUnscoped(id);
        audit.record("enterprise.updated", "enterprise", id, after.regionCode(), fields(before), fields(after));
        EnterpriseMoved.Scope from = EnterpriseMoved.Scope.of(before);
        EnterpriseMoved.Scope to = EnterpriseMoved.Scope.of(after);
        if (!from.equals(to)) {
            events.publishEvent(new EnterpriseMoved(id, from, to));
        }
        return new Saved(after, outcome.warnings());
    }

    /**
     * Changes the details an enterprise keeps up to date itself ({@link EnterpriseDetails}); nothing else of the
     * entry. An enterprise officer reaches only its own enterprise (any other is "not found", as on every read).
     */
    @Transactional
    @PreAuthorize(DETAIL_EDITORS)
    public EnterpriseView updateDetails(long id, EnterpriseDetails d) {
        EnterpriseView before = get(id);
        int updated = jdbc.sql("""
                update enterprise.enterprise set address = :address, latitude = :lat, longitude = :lon,
                    scale = :scale, employees = :employees, legal_representative = :legal, safety_manager = :manager,
                    safety_manager_phone = :phone, updated_at = :now, version = version + 1
                where id = :id and version = :version""")
                .param("address", trimToNull(d.address())).param("lat", d.latitude()).param("lon", d.longitude())
                .param("scale", trimToNull(d.scale())).param("employees", d.employees())
                .param("legal", trimToNull(d.legalRepresentative())).param("manager", trimToNull(d.safetyManager()))
                .param("phone", trimToNull(d.safetyManagerPhone()))
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).param("id", id)
                .param("version", Versions.required(d.version())).update();
        if (updated == 0) {
            throw ConflictException.staleVersion("enterprise", id);
        }
        EnterpriseView after = getUnscoped(id);
        audit.record("enterprise.details.updated", "enterprise", id, after.regionCode(), details(before),
                details(after));
        return after;
    }

    /** Checks a command without saving: the import's dry run and the forms use it. */
    EnterpriseRules.Outcome check(EnterpriseCommand c) {
        return rules.check(c, industries.industries());
    }

    boolean creditCodeTaken(String code) {
        return jdbc.sql("select count(*) from enterprise.enterprise where credit_code = :c").param("c", code)
                .query(Long.class).single() > 0;
    }

    long insert(EnterpriseCommand c) {
        return insert(c, c.departmentId() != null ? c.departmentId()
                : rules.derivedDepartment(c.regionCode().trim(), c.industryCode().trim()));
    }

    long insert(EnterpriseCommand c, Long department) {
        return jdbc.sql("""
                insert into enterprise.enterprise (credit_code, name, region_code, zone_code, address, latitude,
                    longitude, industry_code, gbt4754_code, department_id, department_overridden, scale, employees,
                    legal_representative, safety_manager, safety_manager_phone, standardization_grade,
                    key_pollutant_unit, status, created_at, updated_at)
                values (:code, :name, :region, :zone, :address, :lat, :lon, :industry, :gbt, :dept, :overridden,
                    :scale, :employees, :legal, :manager, :phone, :grade, :key, :status, :now, :now)
                returning id""")
                .params(params(c, department)).query(Long.class).single();
    }

    private EnterpriseRules.Outcome checked(EnterpriseCommand c, EnterpriseView before) {
        EnterpriseRules.Outcome outcome = check(c);
        List<FieldProblem> errors = new java.util.ArrayList<>(outcome.errors());
        String code = CreditCode.normalise(c.creditCode());
        boolean taken = jdbc.sql("select count(*) from enterprise.enterprise where credit_code = :c and id <> :id")
                .param("c", code).param("id", before == null ? -1 : before.id()).query(Long.class).single() > 0;
        if (taken) {
            errors.add(new FieldProblem("creditCode", "enterprise.creditCode.taken", code));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return outcome;
    }

    private Map<String, Object> params(EnterpriseCommand c, Long department) {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("code", CreditCode.normalise(c.creditCode()));
        p.put("name", c.name().trim());
        p.put("region", c.regionCode().trim());
        p.put("zone", trimToNull(c.zoneCode()));
        p.put("address", trimToNull(c.address()));
        p.put("lat", c.latitude());
        p.put("lon", c.longitude());
        p.put("industry", c.industryCode().trim());
        p.put("gbt", trimToNull(c.gbt4754Code()));
        p.put("dept", department);
        p.put("overridden", c.departmentId() != null);
        p.put("scale", trimToNull(c.scale()));
        p.put("employees", c.employees());
        p.put("legal", trimToNull(c.legalRepresentative()));
        p.put("manager", trimToNull(c.safetyManager()));
        p.put("phone", trimToNull(c.safetyManagerPhone()));
        p.put("grade", c.standardizationGrade());
        p.put("key", Boolean.TRUE.equals(c.keyPollutantUnit()));
        p.put("status", c.status() == null || c.status().isBlank() ? "OPERATING" : c.status());
        p.put("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        return p;
    }

    private EnterpriseView getUnscoped(long id) {
        return jdbc.sql("select * from enterprise.enterprise where id = :id").param("id", id)
                .query(EnterpriseService::map).single();
    }

    static JdbcClient.StatementSpec scoped(JdbcClient.StatementSpec spec) {
        return ScopeSql.bind(spec);
    }

    static Map<String, Object> fields(EnterpriseView e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("creditCode", e.creditCode());
        m.put("name", e.name());
        m.put("regionCode", e.regionCode());
        m.put("zoneCode", e.zoneCode());
        m.put("address", e.address());
        m.put("industryCode", e.industryCode());
        m.put("gbt4754Code", e.gbt4754Code());
        m.put("departmentId", e.departmentId());
        m.put("scale", e.scale());
        m.put("employees", e.employees());
        m.put("safetyManager", e.safetyManager());
        m.put("status", e.status());
        return m;
    }

    static Map<String, Object> details(EnterpriseView e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", e.address());
        m.put("latitude", e.latitude());
        m.put("longitude", e.longitude());
        m.put("scale", e.scale());
        m.put("employees", e.employees());
        m.put("legalRepresentative", e.legalRepresentative());
        m.put("safetyManager", e.safetyManager());
        m.put("safetyManagerPhone", e.safetyManagerPhone());
        return m;
    }

    static EnterpriseView map(ResultSet rs, int n) throws SQLException {
        return new EnterpriseView(rs.getLong("id"), rs.getString("credit_code"), rs.getString("name"),
                rs.getString("region_code"), rs.getString("zone_code"), rs.getString("address"),
                rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"), rs.getString("industry_code"),
                rs.getString("gbt4754_code"), rs.getObject("department_id", Long.class),
                rs.getBoolean("department_overridden"), rs.getString("scale"), rs.getObject("employees", Integer.class),
                rs.getString("legal_representative"), rs.getString("safety_manager"),
                rs.getString("safety_manager_phone"), rs.getObject("standardization_grade", Integer.class),
                rs.getBoolean("key_pollutant_unit"), rs.getString("status"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getInt("version"));
    }

    /** A saved enterprise and the warnings its data raised (e.g. a credit code registered elsewhere). */
    public record Saved(EnterpriseView enterprise, List<FieldProblem> warnings) {
    }
}
