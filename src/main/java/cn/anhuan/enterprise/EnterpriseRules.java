package cn.anhuan.enterprise;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.anhuan.organization.CodeName;
import cn.anhuan.organization.DepartmentService;
import cn.anhuan.organization.DepartmentView;
import cn.anhuan.organization.IndustryService;
import cn.anhuan.organization.RegionKind;
import cn.anhuan.organization.RegionService;
import cn.anhuan.organization.RegionView;
import cn.anhuan.organization.SupervisionLevel;
import cn.anhuan.shared.InvalidInputException.FieldProblem;
import org.springframework.stereotype.Component;

/**
 * The checks of an enterprise record, shared by the forms, the API and the import: every problem is named by
 * field; a credit code registered in another region is only a warning (the authority may be the city's).
 */
@Component
class EnterpriseRules {

    private final RegionService regions;
    private final IndustryService industries;
    private final DepartmentService departments;

    EnterpriseRules(RegionService regions, IndustryService industries, DepartmentService departments) {
        this.regions = regions;
        this.industries = industries;
        this.departments = departments;
    }

    /** Problems (errors) and warnings of a command; empty lists when it is fine. */
    Outcome check(EnterpriseCommand c, List<CodeName> industryList) {
        List<FieldProblem> errors = new ArrayList<>();
        List<FieldProblem> warnings = new ArrayList<>();
        CreditCode.Check code = CreditCode.check(c.creditCode());
        if (code != CreditCode.Check.OK) {
            errors.add(new FieldProblem("creditCode", "enterprise.creditCode." + code.name().toLowerCase(Locale.ROOT),
                    CreditCode.normalise(c.creditCode())));
        }
        RegionView region = c.regionCode() == null ? null : regions.find(c.regionCode().trim()).orElse(null);
        if (region == null) {
            errors.add(new FieldProblem("regionCode", "region.unknown", c.regionCode()));
        } else if (!region.kind().countyLevel() || region.kind() == RegionKind.ZONE) {
            errors.add(new FieldProblem("regionCode", "enterprise.region.notCounty", c.regionCode()));
        } else if (code == CreditCode.Check.OK) {
            String digits = CreditCode.regionDigits(c.creditCode());
            if (!digits.equals(region.code()) && (region.parentCode() == null || !digits.equals(region.parentCode()))) {
                warnings.add(new FieldProblem("creditCode", "enterprise.creditCode.regionMismatch", digits, region.code()));
            }
        }
        if (c.zoneCode() != null && !c.zoneCode().isBlank()) {
            RegionView zone = regions.find(c.zoneCode().trim()).orElse(null);
            if (zone == null || zone.kind() != RegionKind.ZONE) {
                errors.add(new FieldProblem("zoneCode", "enterprise.zone.invalid", c.zoneCode()));
            }
        }
        if (c.industryCode() == null || industryList.stream().noneMatch(i -> i.code().equals(c.industryCode().trim()))) {
            errors.add(new FieldProblem("industryCode", "industry.unknown", c.industryCode()));
        }
        if (c.departmentId() != null && departments.find(c.departmentId()).isEmpty()) {
            errors.add(new FieldProblem("departmentId", "department.unknown", c.departmentId()));
        }
        return new Outcome(errors, warnings);
    }

    /** The supervising department the responsibility map gives: the lead kind in the county, else in the city. */
    Long derivedDepartment(String regionCode, String industryCode) {
        List<String> kinds = industries.supervisingKinds(industryCode, SupervisionLevel.COUNTY);
        for (String kind : kinds) {
            var local = departments.findByRegionAndKind(regionCode, kind);
            if (local.isPresent()) {
                return local.get().id();
            }
        }
        RegionView city = regions.root();
        for (String kind : industries.supervisingKinds(industryCode, SupervisionLevel.CITY)) {
            var cityDept = city == null ? java.util.Optional.<DepartmentView>empty()
                    : departments.findByRegionAndKind(city.code(), kind);
            if (cityDept.isPresent()) {
                return cityDept.get().id();
            }
        }
        return null;
    }

    /** Errors stop a change; warnings are shown and stored nowhere. */
    record Outcome(List<FieldProblem> errors, List<FieldProblem> warnings) {
    }
}
