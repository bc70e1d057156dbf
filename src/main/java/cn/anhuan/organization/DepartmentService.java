package cn.anhuan.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.anhuan.audit.AuditTrail;
import cn.anhuan.shared.BusinessRuleException;
import cn.anhuan.shared.ConflictException;
import cn.anhuan.shared.DataScope;
import cn.anhuan.shared.NotFoundException;
import cn.anhuan.shared.Versions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Departments at city and county level. Reads are limited to departments in the caller's regions. */
@Service
@Transactional(readOnly = true)
public class DepartmentService {

    private static final String SELECT = """
            select d.id, d.kind, k.name as kind_name, k.name_en as kind_name_en, d.region_code,
                   r.name as region_name, r.name_en as region_name_en, d.name, d.name_en, d.version
            from organization.department d
            join organization.department_kind k on k.code = d.kind
            join organization.region r on r.code = d.region_code
            """;

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    DepartmentService(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Departments visible to the caller, optionally of one region, city first then by region and kind. */
    public List<DepartmentView> visible(String regionCode) {
        DataScope scope = DataScope.current();
        return jdbc.sql(SELECT + """
                where (:all or d.region_code = any(string_to_array(:regions, ',')))
                  and (cast(:region as text) is null or d.region_code = :region)
                order by r.path, k.sort_order""")
                .param("all", scope.unrestricted()).param("regions", scope.regionList())
                .param("region", regionCode == null || regionCode.isBlank() ? null : regionCode)
                .query(DepartmentService::map).list();
    }

    /** One department, if the caller may see it; otherwise 404. */
    public DepartmentView get(long id) {
        return find(id).filter(d -> DataScope.current().seesRegion(d.regionCode()))
                .orElseThrow(() -> new NotFoundException("department", id));
    }

    /** Any department by id, without scope: for identity resolving a user's department. */
    public Optional<DepartmentView> find(long id) {
        return jdbc.sql(SELECT + "where d.id = :id").param("id", id).query(DepartmentService::map).optional();
    }

    /** The department of a kind in a region, without scope. */
    public Optional<DepartmentView> findByRegionAndKind(String regionCode, String kind) {
        return jdbc.sql(SELECT + "where d.region_code = :r and d.kind = :k").param("r", regionCode).param("k", kind)
                .query(DepartmentService::map).optional();
    }

    /** The regulatory industries this department supervises at its level (管行业必须管安全). */
    public Set<String> supervisedIndustries(long departmentId) {
        return Set.copyOf(jdbc.sql("""
                select s.industry_code
                from organization.department d
                join organization.region r on r.code = d.region_code
                join organization.industry_supervision s on s.department_kind = d.kind
                 and s.level = case when r.kind in ('CITY', 'PROVINCE') then 'CITY' else 'COUNTY' end
                where d.id = :id""").param("id", departmentId).query(String.class).list());
    }

    public List<CodeName> kinds() {
        return jdbc.sql("select code, name, name_en from organization.department_kind order by sort_order")
                .query(CodeName.class).list();
    }

    @Transactional
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    public DepartmentView create(DepartmentCommand command) {
        if (kinds().stream().noneMatch(k -> k.code().equals(command.kind()))) {
            throw new BusinessRuleException("kind", "department.kind.unknown", command.kind());
        }
        jdbc.sql("select 1 from organization.region where code = :code").param("code", command.regionCode())
                .query(Integer.class).optional()
                .orElseThrow(() -> new BusinessRuleException("regionCode", "region.unknown", command.regionCode()));
        boolean taken = jdbc.sql("select count(*) from organization.department where region_code = :r and kind = :k")
                .param("r", command.regionCode()).param("k", command.kind()).query(Long.class).single() > 0;
        if (taken) {
            throw new BusinessRuleException("kind", "department.kind.taken");
        }
        long id = jdbc.sql("""
                insert into organization.department (kind, region_code, name, name_en)
                values (:kind, :region, :name, :nameEn) returning id""")
                .param("kind", command.kind()).param("region", command.regionCode())
                .param("name", command.name().trim()).param("nameEn", command.nameEn().trim())
                .query(Long.class).single();
        DepartmentView created = find(id).orElseThrow();
        audit.record("department.created", "department", id, created.regionCode(), null, fields(created));
        return created;
    }

    @Transactional
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    public DepartmentView update(long id, DepartmentCommand command) {
        DepartmentView before = get(id);
        int updated = jdbc.sql("""
                update organization.department set name = :name, name_en = :nameEn, version = version + 1
                where id = :id and version = :version""")
                .param("name", command.name().trim()).param("nameEn", command.nameEn().trim()).param("id", id)
                .param("version", Versions.required(command.version())).update();
        if (updated == 0) {
            throw ConflictException.staleVersion("department", id);
        }
        DepartmentView after = find(id).orElseThrow();
        audit.record("department.updated", "department", id, after.regionCode(), fields(before), fields(after));
        return after;
    }

    private static Map<String, Object> fields(DepartmentView d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", d.kind());
        m.put("regionCode", d.regionCode());
        m.put("name", d.name());
        m.put("nameEn", d.nameEn());
        return m;
    }

    static DepartmentView map(ResultSet rs, int n) throws SQLException {
        return new DepartmentView(rs.getLong("id"), rs.getString("kind"), rs.getString("kind_name"),
                rs.getString("kind_name_en"), rs.getString("region_code"), rs.getString("region_name"),
                rs.getString("region_name_en"), rs.getString("name"), rs.getString("name_en"), rs.getInt("version"));
    }
}
