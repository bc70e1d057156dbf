package cn.anhuan.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.anhuan.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The menu's and the buttons' role sets are those of the services' security rules: a role is shown an item or an
 * action exactly when the service method behind it lets that role through (read from its {@code @PreAuthorize}).
 */
class PageRightsTests {

    private static final Pattern ROLE = Pattern.compile("'([A-Z_]+)'");

    @Test
    void everyActionIsShownToExactlyTheRolesItsServiceMethodsAllow() throws Exception {
        Map<String, List<String>> behind = new LinkedHashMap<>();
        behind.put("alarm.handle", List.of("cn.anhuan.monitoring.AlarmService#acknowledge",
                "cn.anhuan.monitoring.AlarmService#close"));
        behind.put("alarm.openHazard", List.of("cn.anhuan.monitoring.AlarmService#openHazard"));
        behind.put("air.manage", List.of("cn.anhuan.air.WarningService#saveForecast", "cn.anhuan.air.WarningService#issue",
                "cn.anhuan.air.WarningService#changeLevel", "cn.anhuan.air.WarningService#lift",
                "cn.anhuan.air.ReductionList#add", "cn.anhuan.air.ReductionList#remove",
                "cn.anhuan.air.ReductionList#setBaseline"));
        behind.put("air.import", List.of("cn.anhuan.air.HourlyImport#*"));
        behind.put("hazard.act", List.of("cn.anhuan.hazard.HazardService#report", "cn.anhuan.hazard.HazardService#act",
                "cn.anhuan.hazard.HazardAttachments#upload"));
        behind.put("hazard.listing", List.of("cn.anhuan.hazard.HazardListing#*"));
        behind.put("reduction.openHazard", List.of("cn.anhuan.monitoring.ReductionCompliance#openHazard"));
        behind.put("enterprise.edit", List.of("cn.anhuan.enterprise.EnterpriseService#create",
                "cn.anhuan.enterprise.EnterpriseService#update", "cn.anhuan.enterprise.EnterpriseImport#*"));
        behind.put("risk.assess", List.of("cn.anhuan.risk.RiskService#assess", "cn.anhuan.risk.RiskService#reassess"));

        assertThat(behind.keySet()).containsExactlyInAnyOrderElementsOf(PageRights.ACTIONS.keySet());
        for (var e : behind.entrySet()) {
            for (String method : e.getValue()) {
                assertThat(PageRights.ACTIONS.get(e.getKey())).as(e.getKey() + " against " + method)
                        .isEqualTo(rolesOf(method));
            }
        }
    }

    @Test
    void menuItemsWhosePagesAreGuardedByAServiceRuleFollowIt() throws Exception {
        assertThat(item("nav-citizen-reports").roles()).isEqualTo(rolesOf("cn.anhuan.hazard.CitizenReports#queue"));
        assertThat(item("nav-quarantine").roles()).isEqualTo(rolesOf("cn.anhuan.monitoring.QuarantineService"));
        assertThat(item("nav-users").roles()).isEqualTo(rolesOf("cn.anhuan.identity.UserAccounts#search"));
        assertThat(item("nav-jobs").roles()).isEqualTo(rolesOf("cn.anhuan.scheduling.Jobs#*"));
    }

    @Test
    void anEnterpriseOfficerSeesNoGovernmentMenu() {
        List<String> ids = NavigationMenu.visible(Role.ENTERPRISE_OFFICER).stream()
                .flatMap(g -> g.items().stream()).map(NavigationMenu.Item::id).toList();
        assertThat(ids).contains("nav-home", "nav-hazards", "nav-enterprises", "nav-alarms")
                .doesNotContain("nav-regions", "nav-departments", "nav-industries", "nav-warnings",
                        "nav-reduction-list", "nav-reduction-check", "nav-citizen-reports", "nav-quarantine",
                        "nav-stations", "nav-users", "nav-risk-map");
    }

    @Test
    void theActiveItemIsTheLongestMatchingAddress() {
        assertThat(NavigationMenu.active("/")).isEqualTo("/");
        assertThat(NavigationMenu.active("/hazards/12")).isEqualTo("/hazards");
        assertThat(NavigationMenu.active("/hazards/reports")).isEqualTo("/hazards/reports");
        assertThat(NavigationMenu.active("/monitoring/alarms/3")).isEqualTo("/monitoring/alarms");
        assertThat(NavigationMenu.active("/monitoringx")).isNull();
    }

    private static NavigationMenu.Item item(String id) {
        return NavigationMenu.GROUPS.stream().flatMap(g -> g.items().stream()).filter(i -> i.id().equals(id))
                .findFirst().orElseThrow();
    }

    /** Roles of {@code Class#method} (a trailing * matches a prefix, one rule for all), or of the class's rule. */
    private static Set<Role> rolesOf(String target) throws Exception {
        String[] parts = target.split("#");
        Class<?> type = Class.forName(parts[0]);
        if (parts.length == 1) {
            return roles(type.getAnnotation(PreAuthorize.class).value());
        }
        String name = parts[1];
        List<String> rules = Arrays.stream(type.getDeclaredMethods())
                .filter(m -> name.endsWith("*") ? m.getName().startsWith(name.substring(0, name.length() - 1))
                        : m.getName().equals(name))
                .map(PageRightsTests::rule).filter(r -> r != null).distinct().toList();
        assertThat(rules).as(target).hasSize(1);
        return roles(rules.get(0));
    }

    private static String rule(Method m) {
        PreAuthorize p = m.getAnnotation(PreAuthorize.class);
        return p == null ? null : p.value();
    }

    private static Set<Role> roles(String rule) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Matcher m = ROLE.matcher(rule);
        while (m.find()) {
            roles.add(Role.valueOf(m.group(1)));
        }
        assertThat(roles).as(rule).isNotEmpty();
        return roles;
    }
}
