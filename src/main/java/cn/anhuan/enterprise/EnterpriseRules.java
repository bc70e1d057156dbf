package cn.anhuan.enterprise;

import java.lang.reflect.RecordComponent;
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
import cn.anhuan.shared.DataScope;
import cn.anhuan.shared.InvalidInputException.FieldProblem;
import cn.anhuan.shared.Texts;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
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
    private final Validator validator;

    EnterpriseRules(RegionService regions, IndustryService industries, DepartmentService departments,
                    Validator validator) {
        this.validator = validator;
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
        errors.addAll(outOfScope(c, region));
        errors.addAll(texts(c));
        return new Outcome(errors, warnings);
    }

    /**
     * Every text of the command within its length limit ({@code @Size}) and storable ({@link Texts#storable}). The
     * API and the forms check both before the command exists; an import row is a command built from cells, so the
     * same limits are applied here, where every path passes.
     */
    private List<FieldProblem> texts(EnterpriseCommand c) {
        List<FieldProblem> errors = new ArrayList<>();
        for (ConstraintViolation<EnterpriseCommand> v : validator.validate(c)) {
            if (v.getConstraintDescriptor().getAnnotation() instanceof Size) {
                errors.add(new FieldProblem(v.getPropertyPath().toString(), v.getMessage()));
            }
        }
        for (RecordComponent component : EnterpriseCommand.class.getRecordComponents()) {
            if (component.getType() == String.class && !Texts.storable(text(component, c))) {
                errors.add(new FieldProblem(component.getName(), "error.text.unstorable", component.getName()));
            }
        }
        return errors;
    }

    private static String text(RecordComponent component, EnterpriseCommand c) {
        try {
            return (String) component.getAccessor().invoke(c);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every reference the command writes, against the writer's scope: the county, the zone and the industry must be
     * ones the writer sees (the record would otherwise land in, or be shown to, another jurisdiction), and an
     * overriding department must be one whose jurisdiction covers the enterprise: its county, its zone or the city
     * above (a county supervisor may name the city's department, never another county's).
     */
    private List<FieldProblem> outOfScope(EnterpriseCommand c, RegionView region) {
        DataScope scope = DataScope.current();
        List<FieldProblem> errors = new ArrayList<>();
        if (c.regionCode() != null && !scope.seesRegion(c.regionCode().trim())) {
            errors.add(new FieldProblem("regionCode", "enterprise.region.outOfScope", c.regionCode()));
        }
        String zone = c.zoneCode() == null || c.zoneCode().isBlank() ? null : c.zoneCode().trim();
        if (zone != null && !scope.seesRegion(zone)) {
            errors.add(new FieldProblem("zoneCode", "enterprise.zone.outOfScope", zone));
        }
        if (c.industryCode() != null && !scope.seesIndustry(c.industryCode().trim())) {
            errors.add(new FieldProblem("industryCode", "enterprise.industry.outOfScope", c.industryCode()));
        }
        if (c.departmentId() != null && region != null) {
            departments.find(c.departmentId()).filter(d -> !d.regionCode().equals(zone)
                            && !region.path().contains("/" + d.regionCode() + "/"))
                    .ifPresent(d -> errors.add(new FieldProblem("departmentId", "enterprise.department.outOfScope",
                            c.departmentId())));
        }
        return errors;
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
