package cn.anhuan.dashboard.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.anhuan.enterprise.EnterpriseService;
import cn.anhuan.identity.AnhuanUser;
import cn.anhuan.identity.CurrentUser;
import cn.anhuan.identity.Role;
import cn.anhuan.identity.UserAccounts;
import cn.anhuan.organization.CodeName;
import cn.anhuan.organization.DepartmentService;
import cn.anhuan.organization.DepartmentView;
import cn.anhuan.organization.IndustryService;
import cn.anhuan.organization.RegionService;
import cn.anhuan.organization.RegionView;
import cn.anhuan.shared.DataScope;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page, one per role family: supervisors and inspectors see what needs action today, an enterprise officer
 * its own open hazards and deadlines, the city leader city figures with charts, the administrator the scope and the
 * organisation it contains.
 */
@Controller
class HomeController {

    private final RegionService regions;
    private final DepartmentService departments;
    private final IndustryService industries;
    private final UserAccounts accounts;
    private final EnterpriseService enterprises;
    private final HazardFigures hazardFigures;
    private final SupervisorDesk desk;
    private final OfficerDesk officer;
    private final LeaderHome leader;

    HomeController(RegionService regions, DepartmentService departments, IndustryService industries,
                   UserAccounts accounts, EnterpriseService enterprises, HazardFigures hazardFigures,
                   SupervisorDesk desk, OfficerDesk officer, LeaderHome leader) {
        this.regions = regions;
        this.departments = departments;
        this.industries = industries;
        this.accounts = accounts;
        this.enterprises = enterprises;
        this.hazardFigures = hazardFigures;
        this.desk = desk;
        this.officer = officer;
        this.leader = leader;
    }

    @GetMapping("/")
    String home(Model model, Locale locale) {
        AnhuanUser user = CurrentUser.current().orElseThrow();
        model.addAttribute("myRegion", regions.find(user.regionCode()).orElse(null));
        return switch (user.role()) {
            case ENTERPRISE_OFFICER -> officer.fill(model);
            case CITY_LEADER -> leader.fill(model, locale);
            case SYSTEM_ADMIN -> admin(model, locale);
            case CITY_SUPERVISOR, DEPARTMENT_SUPERVISOR, COUNTY_SUPERVISOR, INSPECTOR -> desk.fill(model, user.role());
        };
    }

    /** The administrator's overview: the scope and, region by region, the organisation in it. */
    private String admin(Model model, Locale locale) {
        DataScope scope = DataScope.current();
        List<RegionView> visible = regions.visible();
        List<DepartmentView> visibleDepartments = departments.visible(null);
        Map<String, Long> departmentsByRegion = visibleDepartments.stream()
                .collect(Collectors.groupingBy(DepartmentView::regionCode, Collectors.counting()));
        Map<String, Long> usersByRegion = accounts.countVisibleByRegion();
        List<RegionRow> rows = visible.stream()
                .sorted(Comparator.comparing(RegionView::path))
                .map(r -> new RegionRow(r, departmentsByRegion.getOrDefault(r.code(), 0L),
                        usersByRegion.getOrDefault(r.code(), 0L)))
                .toList();
        Map<String, CodeName> industryNames = industries.industries().stream()
                .collect(Collectors.toMap(CodeName::code, Function.identity()));
        model.addAttribute("scope", scope);
        model.addAttribute("rows", rows);
        model.addAttribute("regionCount", visible.size());
        model.addAttribute("departmentCount", visibleDepartments.size());
        model.addAttribute("userCount", accounts.countVisible());
        model.addAttribute("enterpriseCount", enterprises.countVisible());
        model.addAttribute("hazardFigures", List.of(hazardFigures.open(null), hazardFigures.overdue(null),
                hazardFigures.major(null)));
        model.addAttribute("scopeRegions", visible.stream().map(r -> r.label(locale)).collect(Collectors.joining("、")));
        model.addAttribute("scopeIndustries", scope.industryCodes() == null ? null : scope.industryCodes().stream()
                .map(industryNames::get).filter(java.util.Objects::nonNull)
                .map(i -> i.label(locale)).sorted().collect(Collectors.joining("、")));
        return "home/admin";
    }

    /** One line of the region table: the region and what the user sees in it. */
    record RegionRow(RegionView region, long departments, long users) {
    }
}
