package cn.anhuan.identity.web;

import cn.anhuan.identity.ApiTokens;
import cn.anhuan.identity.IssuedToken;
import cn.anhuan.identity.UserAccounts;
import cn.anhuan.shared.BusinessRuleException;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The user's own account: password change and personal API tokens; and all tokens for administrators. */
@Controller
class AccountWebController {

    private final UserAccounts accounts;
    private final ApiTokens tokens;

    AccountWebController(UserAccounts accounts, ApiTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @GetMapping("/account")
    String account(Model model) {
        model.addAttribute("tokens", tokens.mine());
        return "account/index";
    }

    @PostMapping("/account/password")
    String changePassword(@RequestParam @Size(max = 128) String currentPassword,
                          @RequestParam @Size(max = 128) String newPassword,
                          RedirectAttributes redirect) {
        try {
            accounts.changeOwnPassword(currentPassword, newPassword);
            return "redirect:/login?expired";
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("passwordError", e.messageKey());
            redirect.addFlashAttribute("passwordErrorArgs", e.args());
            return "redirect:/account";
        }
    }

    @PostMapping("/account/tokens")
    String createToken(@RequestParam @Size(max = 100) String name, @RequestParam(required = false) Integer validDays,
                       RedirectAttributes redirect) {
        try {
            IssuedToken issued = tokens.create(name, validDays);
            redirect.addFlashAttribute("issued", issued);
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("tokenError", e.messageKey());
            redirect.addFlashAttribute("tokenErrorArgs", e.args());
        }
        return "redirect:/account";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@PathVariable long id) {
        tokens.revoke(id);
        return "redirect:/account";
    }

    @GetMapping("/admin/tokens")
    String all(Model model) {
        model.addAttribute("tokens", tokens.all());
        return "admin/tokens";
    }

    @PostMapping("/admin/tokens/{id}/revoke")
    String adminRevoke(@PathVariable long id) {
        tokens.revoke(id);
        return "redirect:/admin/tokens";
    }
}
