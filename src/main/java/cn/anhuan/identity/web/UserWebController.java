package cn.anhuan.identity.web;

import cn.anhuan.audit.AuditLog;
import cn.anhuan.identity.Role;
import cn.anhuan.identity.UserAccounts;
import cn.anhuan.identity.UserCommand;
import cn.anhuan.identity.UserView;
import cn.anhuan.organization.DepartmentService;
import cn.anhuan.organization.RegionService;
import cn.anhuan.shared.BusinessRuleException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Account administration: list and filter, create, change role and scope, disable, reset password. */
@Controller
class UserWebController {

    private final UserAccounts accounts;
    private final RegionService regions;
    private final DepartmentService departments;
    private final AuditLog auditLog;

    UserWebController(UserAccounts accounts, RegionService regions, DepartmentService departments,
                      AuditLog auditLog) {
        this.accounts = accounts;
        this.regions = regions;
        this.departments = departments;
        this.auditLog = auditLog;
    }

    @GetMapping("/admin/users")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Role role,
                @RequestParam(required = false) String region,
                @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("users", accounts.search(q, role, region));
        if (htmx != null) {
            return "admin/users/list :: table";
        }
        model.addAttribute("q", q);
        model.addAttribute("role", role);
        model.addAttribute("region", region);
        choices(model);
        return "admin/users/list";
    }

    @GetMapping("/admin/users/new")
    String newUser(Model model) {
        model.addAttribute("form", new UserCommand(null, null, Role.INSPECTOR, null, null, null, null, null));
        choices(model);
        return "admin/users/new";
    }

    @PostMapping("/admin/users")
    String create(@Valid @ModelAttribute("form") UserCommand form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                UserView created = accounts.create(form);
                redirect.addFlashAttribute("flash", "users.created");
                return "redirect:/admin/users/" + created.id();
            } catch (BusinessRuleException e) {
                errors.rejectValue(e.field(), e.messageKey(), e.args(), e.messageKey());
            }
        }
        choices(model);
        return "admin/users/new";
    }

    @GetMapping("/admin/users/{id}")
    String detail(@PathVariable long id, Model model) {
        UserView user = accounts.get(id);
        model.addAttribute("user", user);
        model.addAttribute("history", auditLog.history("user", id));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new UserCommand(user.username(), user.displayName(), user.role(),
                    user.regionCode(), user.departmentId(), user.enterpriseCode(), null, user.version()));
        }
        choices(model);
        return "admin/users/detail";
    }

    @PostMapping("/admin/users/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") UserCommand form, BindingResult errors,
                  Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                accounts.update(id, form);
                redirect.addFlashAttribute("flash", "users.saved");
                return "redirect:/admin/users/" + id;
            } catch (BusinessRuleException e) {
                errors.rejectValue(e.field(), e.messageKey(), e.args(), e.messageKey());
            }
        }
        return detail(id, model);
    }

    @PostMapping("/admin/users/{id}/enabled")
    String setEnabled(@PathVariable long id, @RequestParam boolean enabled, @RequestParam Integer version,
                      RedirectAttributes redirect) {
        try {
            accounts.setEnabled(id, enabled, version);
            redirect.addFlashAttribute("flash", enabled ? "users.enabledDone" : "users.disabledDone");
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("error", e.messageKey());
        }
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/password")
    String resetPassword(@PathVariable long id, @RequestParam(required = false) @Size(max = 128) String password,
                         @RequestParam Integer version,
                         RedirectAttributes redirect) {
        try {
            accounts.resetPassword(id, password, version);
            redirect.addFlashAttribute("flash", "users.passwordReset");
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("passwordError", e.messageKey());
        }
        return "redirect:/admin/users/" + id;
    }

    private void choices(Model model) {
        model.addAttribute("roles", Role.values());
        model.addAttribute("regions", regions.visible());
        model.addAttribute("departments", departments.visible(null));
    }
}
