package cn.anhuan.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finds the active accounts concerned by something, for notifications (not limited by the caller's scope). */
@Service
@Transactional(readOnly = true)
public class UserDirectory {

    private final JdbcClient jdbc;
    private final UserRepository users;
    private final ScopeResolver scopes;

    UserDirectory(JdbcClient jdbc, UserRepository users, ScopeResolver scopes) {
        this.jdbc = jdbc;
        this.users = users;
        this.scopes = scopes;
    }

    /** The safety officers of an enterprise. */
    public List<String> enterpriseOfficers(String creditCode) {
        return jdbc.sql("""
                select username from identity.app_user
                where enabled and role = 'ENTERPRISE_OFFICER' and enterprise_code = :c order by username""")
                .param("c", creditCode).query(String.class).list();
    }

    /** The safety officers of many enterprises at once, by credit code (enterprises without officers absent). */
    public Map<String, List<String>> enterpriseOfficers(Collection<String> creditCodes) {
        Map<String, List<String>> out = new HashMap<>();
        if (creditCodes.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                select enterprise_code, username from identity.app_user
                where enabled and role = 'ENTERPRISE_OFFICER' and enterprise_code = any(string_to_array(:c, ','))
                order by username""")
                .param("c", String.join(",", creditCodes))
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs ->
                        out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)));
        return out;
    }

    /** The county supervisors (and, if asked, inspectors) of a county-level unit. */
    public List<String> countyStaff(String regionCode, boolean withInspectors) {
        return jdbc.sql("""
                select username from identity.app_user
                where enabled and region_code = :r
                  and (role = 'COUNTY_SUPERVISOR' or (:inspectors and role = 'INSPECTOR')) order by username""")
                .param("r", regionCode).param("inspectors", withInspectors).query(String.class).list();
    }

    /** Every county supervisor of every county-level unit (a city-wide matter such as an air warning). */
    public List<String> countySupervisors() {
        return jdbc.sql("select username from identity.app_user where enabled and role = 'COUNTY_SUPERVISOR' order by username")
                .query(String.class).list();
    }

    /** The city supervisors and every department supervisor (a city-wide matter, whatever their industries). */
    public List<String> supervisorsOfAllDepartments() {
        return jdbc.sql("""
                select username from identity.app_user
                where enabled and role in ('CITY_SUPERVISOR', 'DEPARTMENT_SUPERVISOR') order by username""")
                .query(String.class).list();
    }

    /** City supervisors, and the department supervisors whose scope covers the region and the industry. */
    public Set<String> cityStaff(String regionCode, String industryCode) {
        Set<String> names = new LinkedHashSet<>(jdbc.sql("""
                select username from identity.app_user where enabled and role = 'CITY_SUPERVISOR' order by username""")
                .query(String.class).list());
        for (Long id : jdbc.sql("select id from identity.app_user where enabled and role = 'DEPARTMENT_SUPERVISOR'")
                .query(Long.class).list()) {
            users.findById(id).ifPresent(u -> {
                var scope = scopes.scopeOf(u);
                if (scope.seesRegion(regionCode) && scope.seesIndustry(industryCode)) {
                    names.add(u.username());
                }
            });
        }
        return names;
    }
}
