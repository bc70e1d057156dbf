package cn.anhuan.identity;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import cn.anhuan.organization.DepartmentService;
import cn.anhuan.organization.RegionKind;
import cn.anhuan.organization.RegionService;
import cn.anhuan.organization.RegionView;
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
            case COUNTY_SUPERVISOR, INSPECTOR -> below(user.regionCode(), null);
            case DEPARTMENT_SUPERVISOR -> departments.find(user.departmentId())
                    .map(d -> below(d.regionCode(), departments.supervisedIndustries(d.id())))
                    .orElse(DataScope.nothing());
            case ENTERPRISE_OFFICER -> new DataScope(false, Set.of(user.regionCode()), null, user.enterpriseCode());
        };
    }

    /** A region and everything below it, with the development zones among them marked. */
    private DataScope below(String regionCode, Set<String> industries) {
        List<RegionView> tree = regions.subtreeViews(regionCode);
        return new DataScope(false, tree.stream().map(RegionView::code).collect(Collectors.toSet()), industries, null,
                tree.stream().filter(r -> r.kind() == RegionKind.ZONE).map(RegionView::code).collect(Collectors.toSet()));
    }

    AnhuanUser principal(UserRow u) {
        return new AnhuanUser(u.id(), u.username(), u.displayName(), u.passwordHash(), u.role(), u.regionCode(),
                u.departmentId(), u.enterpriseCode(), u.enabled(), u.lockedUntil(), u.version(), scopeOf(u));
    }
}
