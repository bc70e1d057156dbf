package cn.anhuan.identity;

import java.util.Set;

import cn.anhuan.organization.DepartmentService;
import cn.anhuan.organization.RegionService;
import cn.anhuan.shared.DataScope;
import org.springframework.stereotype.Component;

/** Computes a user's data scope from its role, region, department and enterprise. */
@Component
class ScopeResolver {

    private final RegionService regions;
    private final DepartmentService departments;

    ScopeResolver(RegionService regions, DepartmentService departments) {
        this.regions = regions;
        this.departments = departments;
    }

    DataScope scopeOf(UserRow user) {
        return switch (user.role()) {
            case SYSTEM_ADMIN, CITY_LEADER, CITY_SUPERVISOR -> DataScope.everything();
            case COUNTY_SUPERVISOR, INSPECTOR -> DataScope.regions(regions.subtree(user.regionCode()));
            case DEPARTMENT_SUPERVISOR -> departments.find(user.departmentId())
                    .map(d -> new DataScope(false, regions.subtree(d.regionCode()),
                            departments.supervisedIndustries(d.id()), null))
                    .orElse(DataScope.nothing());
            case ENTERPRISE_OFFICER -> new DataScope(false, Set.of(user.regionCode()), null, user.enterpriseCode());
        };
    }

    AnhuanUser principal(UserRow u) {
        return new AnhuanUser(u.id(), u.username(), u.displayName(), u.passwordHash(), u.role(), u.regionCode(),
                u.departmentId(), u.enterpriseCode(), u.enabled(), u.lockedUntil(), u.version(), scopeOf(u));
    }
}
