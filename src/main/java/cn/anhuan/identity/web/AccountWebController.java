package cn.anhuan.identity.web;

import cn.anhuan.identity.AnhuanUser;
import cn.anhuan.identity.ApiTokens;
import cn.anhuan.identity.IssuedToken;
import cn.anhuan.identity.UserAccounts;
import cn.anhuan.shared.BusinessRuleException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
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
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    AccountWebController(UserAccounts accounts, ApiTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @GetMapping("/account")
    String account(Model model) {
        model.addAttribute("tokens", tokens.mine());
        model.addAttribute("tokenMaxDays", tokens.maxValidDays());
        return "account/index";
    }

    /**
     * Changes the signed-in user's password and keeps it signed in: the session gets a new id (as at sign-in)
     * and carries the account as now stored, so the session check does not take the new password for a reset.
     */
    @PostMapping("/account/password")
    String changePassword(@RequestParam(required = false) @Size(max = 128) String currentPassword,
                          @RequestParam(required = false) @Size(max = 128) String newPassword, HttpServletRequest request,
                          HttpServletResponse response, RedirectAttributes redirect) {
        try {
            AnhuanUser fresh = accounts.changeOwnPassword(currentPassword, newPassword);
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(fresh, null,
                    fresh.getAuthorities()));
            SecurityContextHolder.setContext(context);
            request.changeSessionId();
            sessions.saveContext(context, request, response);
            redirect.addFlashAttribute("flash", "users.passwordChanged");
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("passwordError", e.messageKey());
            redirect.addFlashAttribute("passwordErrorArgs", e.args());
            redirect.addFlashAttribute("passwordErrorField", e.field());
        }
        return "redirect:/account";
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
            redirect.addFlashAttribute("tokenName", name);
            redirect.addFlashAttribute("tokenValidDays", validDays);
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
