package cn.anhuan.air;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.anhuan.audit.AuditTrail;
import cn.anhuan.enterprise.EnterpriseService;
import cn.anhuan.enterprise.EnterpriseView;
import cn.anhuan.organization.RegionService;
import cn.anhuan.shared.BusinessRuleException;
import cn.anhuan.shared.DataScope;
import cn.anhuan.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The emergency reduction list per warning level and the check of its totals against the required shares of
 * the city's total emissions (yellow at least 10 %, orange 20 %, red 30 %, for SO2, NOx, particulates and VOCs).
 */
@Service
@Transactional(readOnly = true)
public class ReductionList {

    static final List<String> POLLUTANTS = List.of("SO2", "NOX", "PM", "VOCS");
    private static final String CITY_STAFF = "hasAnyRole('SYSTEM_ADMIN', 'CITY_SUPERVISOR')";

    private final JdbcClient jdbc;
    private final RegionService regions;
    private final AuditTrail audit;
    private final EnterpriseService enterprises;

    ReductionList(JdbcClient jdbc, RegionService regions, AuditTrail audit, EnterpriseService enterprises) {
        this.enterprises = enterprises;
        this.jdbc = jdbc;
        this.regions = regions;
        this.audit = audit;
    }

    /** The list's lines in the caller's regions, optionally of one level. */
    public List<ReductionItem> items(WarningLevel level) {
        DataScope scope = DataScope.current();
        return jdbc.sql("""
                select * from air.reduction_item
                where (cast(:level as text) is null or level = :level)
                  and (:all or region_code = any(string_to_array(:regions, ',')))
                order by level, region_code, enterprise_name""")
                .param("level", level == null ? null : level.name()).param("all", scope.unrestricted())
                .param("regions", scope.regionList())
                .query((rs, n) -> new ReductionItem(rs.getLong("id"), WarningLevel.valueOf(rs.getString("level")),
                        rs.getString("enterprise_code"), rs.getString("enterprise_name"), rs.getString("region_code"),
                        rs.getString("measures"), rs.getBigDecimal("so2"), rs.getBigDecimal("nox"),
                        rs.getBigDecimal("pm"), rs.getBigDecimal("vocs")))
                .list();
    }

    @Transactional
    @PreAuthorize(CITY_STAFF)
    public ReductionItem add(ReductionItem item) {
        if (item.level() == WarningLevel.BLUE) {
            throw new BusinessRuleException("level", "air.reduction.noBlue");
        }
        if (regions.find(item.regionCode()).isEmpty()) {
            throw new BusinessRuleException("regionCode", "region.unknown", item.regionCode());
        }
        EnterpriseView enterprise = enterprises.byCreditCode(item.enterpriseCode())
                .orElseThrow(() -> new BusinessRuleException("enterpriseCode", "reference.outOfScope",
                        "enterpriseCode", item.enterpriseCode()));
        if (!item.regionCode().equals(enterprise.regionCode()) && !item.regionCode().equals(enterprise.zoneCode())) {
            throw new BusinessRuleException("regionCode", "air.reduction.regionMismatch", item.regionCode(),
                    enterprise.regionCode());
        }
        boolean taken = jdbc.sql("select count(*) from air.reduction_item where level = :l and enterprise_code = :c")
                .param("l", item.level().name()).param("c", item.enterpriseCode()).query(Long.class).single() > 0;
        if (taken) {
            throw new BusinessRuleException("enterpriseCode", "air.reduction.duplicate", item.enterpriseCode());
        }
        long id = jdbc.sql("""
                insert into air.reduction_item (level, enterprise_code, enterprise_name, region_code, measures,
                                                so2, nox, pm, vocs)
                values (:level, :code, :name, :region, :measures, :so2, :nox, :pm, :vocs) returning id""")
                .param("level", item.level().name()).param("code", item.enterpriseCode())
                .param("name", item.enterpriseName().trim()).param("region", item.regionCode())
                .param("measures", item.measures().trim()).param("so2", item.so2()).param("nox", item.nox())
                .param("pm", item.pm()).param("vocs", item.vocs()).query(Long.class).single();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("level", item.level().name());
        fields.put("enterpriseCode", item.enterpriseCode());
        fields.put("measures", item.measures());
        fields.put("so2", item.so2().toPlainString());
        fields.put("nox", item.nox().toPlainString());
        fields.put("pm", item.pm().toPlainString());
        fields.put("vocs", item.vocs().toPlainString());
        audit.record("air.reduction.added", "air-reduction-item", id, item.regionCode(), null, fields);
        return new ReductionItem(id, item.level(), item.enterpriseCode(), item.enterpriseName().trim(),
                item.regionCode(), item.measures().trim(), item.so2(), item.nox(), item.pm(), item.vocs());
    }

    @Transactional
    @PreAuthorize(CITY_STAFF)
    public void remove(long id) {
        var row = jdbc.sql("select level, enterprise_code, region_code from air.reduction_item where id = :id")
                .param("id", id).query().listOfRows();
        if (row.isEmpty()) {
            throw new NotFoundException("reduction-item", id);
        }
        jdbc.sql("delete from air.reduction_item where id = :id").param("id", id).update();
        audit.record("air.reduction.removed", "air-reduction-item", id, (String) row.get(0).get("region_code"),
                Map.of("level", row.get(0).get("level"), "enterpriseCode", row.get(0).get("enterprise_code")), null);
    }

    /** The city's total emissions per pollutant (t/d); missing ones are absent. */
    public Map<String, BigDecimal> baseline() {
        Map<String, BigDecimal> m = new HashMap<>();
        jdbc.sql("select pollutant, tonnes from air.emission_baseline")
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> m.put(rs.getString(1), rs.getBigDecimal(2)));
        return m;
    }

    @Transactional
    @PreAuthorize(CITY_STAFF)
    public void setBaseline(Map<String, BigDecimal> tonnes) {
        Map<String, BigDecimal> before = baseline();
        for (var e : tonnes.entrySet()) {
            if (!POLLUTANTS.contains(e.getKey())) {
                throw new BusinessRuleException("baseline." + e.getKey(), "air.reduction.pollutant", e.getKey());
            }
            if (e.getValue() == null || e.getValue().signum() <= 0) {
                throw new BusinessRuleException("baseline." + e.getKey(), "air.reduction.baselinePositive");
            }
            jdbc.sql("""
                    insert into air.emission_baseline (pollutant, tonnes) values (:p, :t)
                    on conflict (pollutant) do update set tonnes = excluded.tonnes""")
                    .param("p", e.getKey()).param("t", e.getValue()).update();
        }
        audit.record("air.baseline.set", "air-emission-baseline", "city", null, stringValues(before),
                stringValues(baseline()));
    }

    /** The check of every level with a requirement (yellow, orange, red), over the whole city's list. */
    public List<ReductionCheck> check() {
        Map<String, BigDecimal> base = baseline();
        List<ReductionCheck> checks = new ArrayList<>();
        for (WarningLevel level : List.of(WarningLevel.YELLOW, WarningLevel.ORANGE, WarningLevel.RED)) {
            var totals = jdbc.sql("""
                    select count(*) n, coalesce(sum(so2), 0) so2, coalesce(sum(nox), 0) nox, coalesce(sum(pm), 0) pm,
                           coalesce(sum(vocs), 0) vocs
                    from air.reduction_item where level = :l""").param("l", level.name()).query().singleRow();
            List<ReductionCheck.Line> lines = new ArrayList<>();
            boolean all = true;
            for (String p : POLLUTANTS) {
                BigDecimal sum = (BigDecimal) totals.get(p.toLowerCase(java.util.Locale.ROOT));
                BigDecimal b = base.get(p);
                BigDecimal percent = b == null ? null : sum.multiply(BigDecimal.valueOf(100))
                        .divide(b, 2, RoundingMode.HALF_EVEN);
                boolean ok = percent != null
                        && percent.compareTo(BigDecimal.valueOf(level.requiredReductionPercent())) >= 0;
                all &= ok;
                lines.add(new ReductionCheck.Line(p, sum, b, percent, ok));
            }
            checks.add(new ReductionCheck(level, level.requiredReductionPercent(),
                    ((Number) totals.get("n")).intValue(), lines, all));
        }
        return checks;
    }

    private static Map<String, Object> stringValues(Map<String, BigDecimal> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v.toPlainString()));
        return out;
    }
}
