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

/** The region tree (city, county-level units, zones, townships). Reads are limited to the caller's scope. */
@Service
@Transactional(readOnly = true)
public class RegionService {

    private static final String SELECT = "select code, name, name_en, kind, parent_code, path, version"
            + " from organization.region ";

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    RegionService(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The regions the caller may see, in tree order. */
    public List<RegionView> visible() {
        DataScope scope = DataScope.current();
        return jdbc.sql(SELECT + """
                where (:all or code = any(string_to_array(:regions, ',')))
                order by path""")
                .param("all", scope.unrestricted()).param("regions", scope.regionList())
                .query(RegionService::map).list();
    }

    /** One region, if the caller may see it; otherwise 404. */
    public RegionView get(String code) {
        return find(code).filter(r -> DataScope.current().seesRegion(r.code()))
                .orElseThrow(() -> new NotFoundException("region", code));
    }

    /** Any region by code, without scope: for other modules resolving codes they already hold. */
    public Optional<RegionView> find(String code) {
        return jdbc.sql(SELECT + "where code = :code").param("code", code).query(RegionService::map).optional();
    }

    /** Whether this code is a development zone's (unknown codes are not). */
    public boolean isZone(String code) {
        return find(code).map(r -> r.kind() == RegionKind.ZONE).orElse(false);
    }

    /** The root of the tree (the city), without scope: its name is public. */
    public RegionView root() {
        return jdbc.sql(SELECT + "where parent_code is null order by code limit 1").query(RegionService::map)
                .optional().orElse(null);
    }

    /** The codes of a region and all below it (a county user's scope). */
    public Set<String> subtree(String code) {
        return Set.copyOf(jdbc.sql("""
                select code from organization.region
                where path like (select path from organization.region where code = :code) || '%'""")
                .param("code", code).query(String.class).list());
    }

    /** A region and all below it, in tree order, without scope. */
    public List<RegionView> subtreeViews(String code) {
        return jdbc.sql(SELECT + """
                where path like (select path from organization.region where code = :code) || '%'
                order by path""").param("code", code).query(RegionService::map).list();
    }


    @Transactional
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    public RegionView create(RegionCommand command) {
        if (find(command.code()).isPresent()) {
            throw new BusinessRuleException("code", "region.code.taken", command.code());
        }
        String path = "/" + command.code() + "/";
        if (command.parentCode() != null && !command.parentCode().isBlank()) {
            RegionView parent = find(command.parentCode())
                    .orElseThrow(() -> new BusinessRuleException("parentCode", "region.parent.unknown", command.parentCode()));
            path = parent.path() + command.code() + "/";
        }
        jdbc.sql("""
                insert into organization.region (code, name, name_en, kind, parent_code, path)
                values (:code, :name, :nameEn, :kind, :parent, :path)""")
                .param("code", command.code()).param("name", command.name().trim())
                .param("nameEn", command.nameEn().trim()).param("kind", command.kind().name())
                .param("parent", blankToNull(command.parentCode())).param("path", path).update();
        RegionView created = find(command.code()).orElseThrow();
        audit.record("region.created", "region", created.code(), created.code(), null, fields(created));
        return created;
    }

    @Transactional
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    public RegionView update(String code, RegionCommand command) {
        RegionView before = get(code);
        int updated = jdbc.sql("""
                update organization.region set name = :name, name_en = :nameEn, version = version + 1
                where code = :code and version = :version""")
                .param("name", command.name().trim()).param("nameEn", command.nameEn().trim())
                .param("code", code)
                .param("version", Versions.required(command.version())).update();
        if (updated == 0) {
            throw ConflictException.staleVersion("region", code);
        }
        RegionView after = find(code).orElseThrow();
        audit.record("region.updated", "region", code, code, fields(before), fields(after));
        return after;
    }

    private static Map<String, Object> fields(RegionView r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", r.code());
        m.put("name", r.name());
        m.put("nameEn", r.nameEn());
        m.put("kind", r.kind().name());
        m.put("parentCode", r.parentCode());
        return m;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static RegionView map(ResultSet rs, int n) throws SQLException {
        return new RegionView(rs.getString("code"), rs.getString("name"), rs.getString("name_en"),
                RegionKind.valueOf(rs.getString("kind")), rs.getString("parent_code"), rs.getString("path"),
                rs.getInt("version"));
    }
}
