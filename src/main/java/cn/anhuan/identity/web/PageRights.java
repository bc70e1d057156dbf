package cn.anhuan.identity.web;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import cn.anhuan.identity.Role;

/**
 * Who may use which page and which action, for the layout's menu and the pages' buttons. The role sets are those
 * of the services' {@code @PreAuthorize} rules named beside each one ({@code PageRightsTests} compares them), so
 * a role sees a link or a button exactly when using it does not end in a 403.
 */
final class PageRights {

    static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    /** Every role but the enterprise's own officer: the government side. */
    static final Set<Role> GOVERNMENT = EnumSet.complementOf(EnumSet.of(Role.ENTERPRISE_OFFICER));
    /** {@code QuarantineService}, {@code HourlyImport}, {@code WarningService}, {@code ReductionList}. */
    static final Set<Role> CITY_STAFF = EnumSet.of(Role.SYSTEM_ADMIN, Role.CITY_SUPERVISOR);
    /** {@code CitizenReports.STAFF}, {@code EnterpriseService.EDITORS}, {@code DeviceService.MANAGERS}. */
    static final Set<Role> EDITORS = EnumSet.of(Role.SYSTEM_ADMIN, Role.CITY_SUPERVISOR, Role.COUNTY_SUPERVISOR);
    /** {@code AlarmService.HANDLERS}, {@code HazardService.ACTORS}: everyone who acts, not the city leader. */
    static final Set<Role> ACTORS = EnumSet.complementOf(EnumSet.of(Role.CITY_LEADER));
    /** {@code AlarmService.GOVERNMENT}: the government side that acts. */
    static final Set<Role> GOVERNMENT_ACTORS = EnumSet.complementOf(EnumSet.of(Role.CITY_LEADER, Role.ENTERPRISE_OFFICER));
    /** {@code HazardListing.SUPERVISORS}. */
    static final Set<Role> SUPERVISORS = EnumSet.of(Role.SYSTEM_ADMIN, Role.CITY_SUPERVISOR,
            Role.DEPARTMENT_SUPERVISOR, Role.COUNTY_SUPERVISOR);
    /** {@code RiskService.ASSESSORS}. */
    static final Set<Role> ASSESSORS = EnumSet.of(Role.SYSTEM_ADMIN, Role.CITY_SUPERVISOR, Role.COUNTY_SUPERVISOR,
            Role.INSPECTOR, Role.ENTERPRISE_OFFICER);
    static final Set<Role> ADMIN = EnumSet.of(Role.SYSTEM_ADMIN);

    /** The actions the pages show a button or form for, by the name the templates test ({@code can.contains}). */
    static final Map<String, Set<Role>> ACTIONS = Map.of(
            "alarm.handle", ACTORS,
            "alarm.openHazard", GOVERNMENT_ACTORS,
            "air.manage", CITY_STAFF,
            "air.import", CITY_STAFF,
            "hazard.act", ACTORS,
            "hazard.listing", SUPERVISORS,
            "reduction.openHazard", GOVERNMENT_ACTORS,
            "enterprise.edit", EDITORS,
            "risk.assess", ASSESSORS);

    private PageRights() {
    }
}
