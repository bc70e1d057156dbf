package cn.anhuan.organization.web;

import java.util.List;

import cn.anhuan.audit.AuditEntry;
import cn.anhuan.audit.AuditLog;
import cn.anhuan.organization.CodeName;
import cn.anhuan.organization.DepartmentCommand;
import cn.anhuan.organization.DepartmentService;
import cn.anhuan.organization.DepartmentView;
import cn.anhuan.organization.IndustryService;
import cn.anhuan.organization.RegionCommand;
import cn.anhuan.organization.RegionService;
import cn.anhuan.organization.RegionView;
import cn.anhuan.organization.SupervisionAssignment;
import cn.anhuan.organization.SupervisionLevel;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Regions, departments and the industry responsibility map over JSON; reads are scoped, writes are for admins. */
@RestController
@RequestMapping("/api/v1")
class OrganizationApiController {

    private final RegionService regions;
    private final DepartmentService departments;
    private final IndustryService industries;
    private final AuditLog auditLog;

    OrganizationApiController(RegionService regions, DepartmentService departments, IndustryService industries,
                              AuditLog auditLog) {
        this.regions = regions;
        this.departments = departments;
        this.industries = industries;
        this.auditLog = auditLog;
    }

    @GetMapping("/regions")
    List<RegionView> regions() {
        return regions.visible();
    }

    @GetMapping("/regions/{code}")
    RegionView region(@PathVariable String code) {
        return regions.get(code);
    }

    @GetMapping("/regions/{code}/history")
    List<AuditEntry> regionHistory(@PathVariable String code) {
        return auditLog.history("region", regions.get(code).code());
    }

    @PostMapping("/regions")
    @ResponseStatus(HttpStatus.CREATED)
    RegionView createRegion(@Valid @RequestBody RegionCommand command) {
        return regions.create(command);
    }

    @PutMapping("/regions/{code}")
    RegionView updateRegion(@PathVariable String code, @Valid @RequestBody RegionCommand command) {
        return regions.update(code, command);
    }

    @GetMapping("/departments")
    List<DepartmentView> departments(@RequestParam(required = false) String region) {
        return departments.visible(region);
    }

    @GetMapping("/departments/{id}")
    DepartmentView department(@PathVariable long id) {
        return departments.get(id);
    }

    @GetMapping("/departments/{id}/history")
    List<AuditEntry> departmentHistory(@PathVariable long id) {
        return auditLog.history("department", departments.get(id).id());
    }

    @PostMapping("/departments")
    @ResponseStatus(HttpStatus.CREATED)
    DepartmentView createDepartment(@Valid @RequestBody DepartmentCommand command) {
        return departments.create(command);
    }

    @PutMapping("/departments/{id}")
    DepartmentView updateDepartment(@PathVariable long id, @Valid @RequestBody DepartmentCommand command) {
        return departments.update(id, command);
    }

    @GetMapping("/department-kinds")
    List<CodeName> departmentKinds() {
        return departments.kinds();
    }

    @GetMapping("/industries")
    List<CodeName> industries() {
        return industries.industries();
    }

    @GetMapping("/industry-supervision")
    List<SupervisionAssignment> supervision() {
        return industries.map();
    }

    @PutMapping("/industry-supervision")
    List<SupervisionAssignment> assign(@Valid @RequestBody SupervisionAssignment assignment) {
        industries.assign(assignment);
        return industries.map();
    }

    @DeleteMapping("/industry-supervision/{industry}/{level}/{kind}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unassign(@PathVariable String industry, @PathVariable SupervisionLevel level, @PathVariable String kind) {
        industries.unassign(industry, level, kind);
    }
}
