package cn.anhuan.dashboard.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.anhuan.enterprise.EnterpriseService;
import cn.anhuan.hazard.HazardService;
import cn.anhuan.identity.CurrentUser;
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

/** The home page: the user's scope, with real counts of what it contains, region by region. */
@Controller
class HomeController {

    private final RegionService regions;
    private final DepartmentService departments;
    private final IndustryService industries;
    private final UserAccounts accounts;
    private final EnterpriseService enterprises;
    private final HazardService hazards;

    HomeController(RegionService regions, DepartmentService departments, IndustryService industries,
                   UserAccounts accounts, EnterpriseService enterprises, HazardService hazards) {
        this.enterprises = enterprises;
        this.hazards = hazards;
        this.regions = regions;
        this.departments = departments;
        this.industries = industries;
        this.accounts = accounts;
    }

    @GetMapping("/")
    String home(Model model, Locale locale) {
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
        model.addAttribute("hazardCounts", hazards.counts());
        model.addAttribute("myRegion", CurrentUser.current().flatMap(u -> regions.find(u.regionCode())).orElse(null));
        model.addAttribute("scopeRegions", visible.stream().map(r -> r.label(locale)).collect(Collectors.joining("、")));
        model.addAttribute("scopeIndustries", scope.industryCodes() == null ? null : scope.industryCodes().stream()
                .map(industryNames::get).filter(java.util.Objects::nonNull)
                .map(i -> i.label(locale)).sorted().collect(Collectors.joining("、")));
        return "home";
    }

    /** One line of the region table: the region and what the user sees in it. */
    record RegionRow(RegionView region, long departments, long users) {
    }
}
