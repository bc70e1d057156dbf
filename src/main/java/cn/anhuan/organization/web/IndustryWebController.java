package cn.anhuan.organization.web;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.anhuan.organization.CodeName;
import cn.anhuan.organization.DepartmentService;
import cn.anhuan.organization.IndustryService;
import cn.anhuan.organization.SupervisionAssignment;
import cn.anhuan.organization.SupervisionLevel;
import cn.anhuan.shared.BusinessRuleException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The industry responsibility map (管行业必须管安全): readable by all, edited by administrators. */
@Controller
class IndustryWebController {

    private final IndustryService industries;
    private final DepartmentService departments;

    IndustryWebController(IndustryService industries, DepartmentService departments) {
        this.industries = industries;
        this.departments = departments;
    }

    @GetMapping("/industries")
    String map(Model model) {
        model.addAttribute("map", industries.map());
        model.addAttribute("industries", industries.industries());
        model.addAttribute("kinds", departments.kinds());
        model.addAttribute("industryNames", byCode(industries.industries()));
        model.addAttribute("kindNames", byCode(departments.kinds()));
        model.addAttribute("levels", SupervisionLevel.values());
        model.addAttribute("roles", SupervisionAssignment.Role.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new SupervisionAssignment(null, SupervisionLevel.CITY, null,
                    SupervisionAssignment.Role.JOINT));
        }
        return "industries";
    }

    @PostMapping("/industries/assign")
    String assign(@Valid @ModelAttribute("form") SupervisionAssignment form, BindingResult errors, Model model) {
        if (!errors.hasErrors()) {
            try {
                industries.assign(form);
                return "redirect:/industries";
            } catch (BusinessRuleException e) {
                errors.rejectValue(e.field(), e.messageKey(), e.args(), e.messageKey());
            }
        }
        return map(model);
    }

    @PostMapping("/industries/unassign")
    String unassign(@RequestParam @Size(max = 40) String industryCode, @RequestParam SupervisionLevel level,
                    @RequestParam @Size(max = 40) String departmentKind, Model model) {
        try {
            industries.unassign(industryCode, level, departmentKind);
            return "redirect:/industries";
        } catch (BusinessRuleException e) {
            model.addAttribute("error", e.messageKey());
            return map(model);
        }
    }

    private static Map<String, CodeName> byCode(java.util.List<CodeName> list) {
        return list.stream().collect(Collectors.toMap(CodeName::code, Function.identity()));
    }
}
