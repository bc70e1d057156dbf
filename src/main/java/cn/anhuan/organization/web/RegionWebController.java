package cn.anhuan.organization.web;

import cn.anhuan.audit.AuditLog;
import cn.anhuan.organization.DepartmentService;
import cn.anhuan.organization.RegionCommand;
import cn.anhuan.organization.RegionKind;
import cn.anhuan.organization.RegionService;
import cn.anhuan.organization.RegionView;
import cn.anhuan.shared.BusinessRuleException;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The region tree: everyone sees its own part; administrators add and rename regions. */
@Controller
class RegionWebController {

    private final RegionService regions;
    private final DepartmentService departments;
    private final AuditLog auditLog;

    RegionWebController(RegionService regions, DepartmentService departments, AuditLog auditLog) {
        this.regions = regions;
        this.departments = departments;
        this.auditLog = auditLog;
    }

    @GetMapping("/regions")
    String list(Model model) {
        model.addAttribute("regions", regions.visible());
        model.addAttribute("kinds", RegionKind.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new RegionCommand(null, null, RegionKind.TOWNSHIP, null, null, null));
        }
        return "regions/list";
    }

    @PostMapping("/regions")
    String create(@Valid @ModelAttribute("form") RegionCommand form, BindingResult errors, Model model) {
        if (!errors.hasErrors()) {
            try {
                RegionView created = regions.create(form);
                return "redirect:/regions/" + created.code();
            } catch (BusinessRuleException e) {
                errors.rejectValue(e.field(), e.messageKey(), e.args(), e.messageKey());
            }
        }
        return list(model);
    }

    @GetMapping("/regions/{code}")
    String detail(@PathVariable String code, Model model) {
        RegionView region = regions.get(code);
        model.addAttribute("region", region);
        model.addAttribute("departments", departments.visible(code));
        model.addAttribute("history", auditLog.history("region", code));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new RegionCommand(region.code(), region.parentCode(), region.kind(),
                    region.name(), region.nameEn(), region.version()));
        }
        return "regions/detail";
    }

    @PostMapping("/regions/{code}")
    String update(@PathVariable String code, @Valid @ModelAttribute("form") RegionCommand form, BindingResult errors,
                  Model model) {
        if (!errors.hasErrors()) {
            regions.update(code, form);
            return "redirect:/regions/" + code;
        }
        return detail(code, model);
    }
}
