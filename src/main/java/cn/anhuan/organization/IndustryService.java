package cn.anhuan.organization;

import java.util.List;
import java.util.Map;

import cn.anhuan.audit.AuditTrail;
import cn.anhuan.shared.BusinessRuleException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Regulatory industries and the responsibility map: which kind of department supervises which industry. */
@Service
@Transactional(readOnly = true)
public class IndustryService {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    IndustryService(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public List<CodeName> industries() {
        return jdbc.sql("select code, name, name_en from organization.industry order by sort_order")
                .query(CodeName.class).list();
    }

    /** The whole map, ordered by industry, level, lead first. */
    public List<SupervisionAssignment> map() {
        return jdbc.sql("""
                select s.industry_code, s.level, s.department_kind, s.role
                from organization.industry_supervision s
                join organization.industry i on i.code = s.industry_code
                join organization.department_kind k on k.code = s.department_kind
                order by i.sort_order, s.level, s.role desc, k.sort_order""")
                .query((rs, n) -> new SupervisionAssignment(rs.getString(1),
                        SupervisionLevel.valueOf(rs.getString(2)), rs.getString(3),
                        SupervisionAssignment.Role.valueOf(rs.getString(4))))
                .list();
    }

    /** The department kinds that supervise an industry at a level, lead first. */
    public List<String> supervisingKinds(String industryCode, SupervisionLevel level) {
        return map().stream().filter(a -> a.industryCode().equals(industryCode) && a.level() == level)
                .map(SupervisionAssignment::departmentKind).toList();
    }

    /** Adds a line or changes its role. An industry keeps exactly one lead department kind per level. */
    @Transactional
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    public void assign(SupervisionAssignment a) {
        check("industryCode", "organization.industry", a.industryCode(), "industry.unknown");
        check("departmentKind", "organization.department_kind", a.departmentKind(), "department.kind.unknown");
        String oldRole = jdbc.sql("""
                select role from organization.industry_supervision
                where industry_code = :i and level = :l and department_kind = :k""")
                .param("i", a.industryCode()).param("l", a.level().name()).param("k", a.departmentKind())
                .query(String.class).optional().orElse(null);
        if (a.role() == SupervisionAssignment.Role.LEAD) {
            jdbc.sql("""
                    update organization.industry_supervision set role = 'JOINT'
                    where industry_code = :i and level = :l and role = 'LEAD' and department_kind <> :k""")
                    .param("i", a.industryCode()).param("l", a.level().name()).param("k", a.departmentKind())
                    .update();
        }
        jdbc.sql("""
                insert into organization.industry_supervision (industry_code, level, department_kind, role)
                values (:i, :l, :k, :r)
                on conflict (industry_code, level, department_kind) do update set role = excluded.role""")
                .param("i", a.industryCode()).param("l", a.level().name()).param("k", a.departmentKind())
                .param("r", a.role().name()).update();
        audit.record("industry-supervision.assigned", "industry-supervision", key(a), null,
                oldRole == null ? null : Map.of("role", oldRole), Map.of("role", a.role().name()));
    }

    /** Removes a line; the lead cannot be removed while joint departments remain, so the industry is never orphaned. */
    @Transactional
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    public void unassign(String industryCode, SupervisionLevel level, String departmentKind) {
        String role = jdbc.sql("""
                select role from organization.industry_supervision
                where industry_code = :i and level = :l and department_kind = :k""")
                .param("i", industryCode).param("l", level.name()).param("k", departmentKind)
                .query(String.class).optional()
                .orElseThrow(() -> new BusinessRuleException("departmentKind", "industry.supervision.unknown"));
        long others = jdbc.sql("""
                select count(*) from organization.industry_supervision
                where industry_code = :i and level = :l and department_kind <> :k""")
                .param("i", industryCode).param("l", level.name()).param("k", departmentKind)
                .query(Long.class).single();
        if ("LEAD".equals(role) && others > 0) {
            throw new BusinessRuleException("departmentKind", "industry.supervision.leadInUse");
        }
        jdbc.sql("""
                delete from organization.industry_supervision
                where industry_code = :i and level = :l and department_kind = :k""")
                .param("i", industryCode).param("l", level.name()).param("k", departmentKind).update();
        audit.record("industry-supervision.removed", "industry-supervision",
                industryCode + "/" + level + "/" + departmentKind, null, Map.of("role", role), null);
    }

    private void check(String field, String table, String code, String key) {
        if (jdbc.sql("select count(*) from " + table + " where code = :c").param("c", code)
                .query(Long.class).single() == 0) {
            throw new BusinessRuleException(field, key, code);
        }
    }

    private static String key(SupervisionAssignment a) {
        return a.industryCode() + "/" + a.level() + "/" + a.departmentKind();
    }
}
