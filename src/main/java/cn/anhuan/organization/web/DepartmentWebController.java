package cn.anhuan.organization.web;

import cn.anhuan.audit.AuditLog;
import cn.anhuan.organization.DepartmentCommand;
import cn.anhuan.organization.DepartmentService;
import cn.anhuan.organization.DepartmentView;
import cn.anhuan.organization.RegionService;
import cn.anhuan.shared.BusinessRuleException;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** Departments in the user's regions; the list answers htmx with just its table when filtered. */
@Controller
class DepartmentWebController {

    private final DepartmentService departments;
    private final RegionService regions;
    private final AuditLog auditLog;

    DepartmentWebController(DepartmentService departments, RegionService regions, AuditLog auditLog) {
        this.departments = departments;
        this.regions = regions;
        this.auditLog = auditLog;
    }

    @GetMapping("/departments")
    String list(@RequestParam(required = false) String region,
                @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("departments", departments.visible(region));
        model.addAttribute("region", region);
        if (htmx != null) {
            return "departments/list :: table";
        }
        model.addAttribute("regions", regions.visible());
        model.addAttribute("kinds", departments.kinds());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new DepartmentCommand(null, region, null, null, null));
        }
        return "departments/list";
    }

    @PostMapping("/departments")
    String create(@Valid @ModelAttribute("form") DepartmentCommand form, BindingResult errors, Model model) {
        if (!errors.hasErrors()) {
            try {
                DepartmentView created = departments.create(form);
                return "redirect:/departments/" + created.id();
            } catch (BusinessRuleException e) {
                errors.rejectValue(e.field(), e.messageKey(), e.args(), e.messageKey());
            }
        }
        return list(form.regionCode(), null, model);
    }

    @GetMapping("/departments/{id}")
    String detail(@PathVariable long id, Model model) {
        DepartmentView department = departments.get(id);
        model.addAttribute("department", department);
        model.addAttribute("history", auditLog.history("department", id));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new DepartmentCommand(department.kind(), department.regionCode(),
                    department.name(), department.nameEn(), department.version()));
        }
        return "departments/detail";
    }

    @PostMapping("/departments/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") DepartmentCommand form, BindingResult errors,
                  Model model) {
        if (!errors.hasErrors()) {
            departments.update(id, form);
            return "redirect:/departments/" + id;
        }
        return detail(id, model);
    }
}
