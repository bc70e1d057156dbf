package cn.anhuan.identity.web;

import java.util.List;

import cn.anhuan.audit.AuditEntry;
import cn.anhuan.audit.AuditLog;
import cn.anhuan.identity.Role;
import cn.anhuan.identity.UserAccounts;
import cn.anhuan.identity.UserCommand;
import cn.anhuan.identity.UserView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Account administration over JSON (administrators only). */
@RestController
@RequestMapping("/api/v1/users")
class UserApiController {

    private final UserAccounts accounts;
    private final AuditLog auditLog;

    UserApiController(UserAccounts accounts, AuditLog auditLog) {
        this.accounts = accounts;
        this.auditLog = auditLog;
    }

    @GetMapping
    List<UserView> search(@RequestParam(required = false) String q, @RequestParam(required = false) Role role,
                          @RequestParam(required = false) String region) {
        return accounts.search(q, role, region);
    }

    @GetMapping("/{id}")
    UserView get(@PathVariable long id) {
        return accounts.get(id);
    }

    @GetMapping("/{id}/history")
    List<AuditEntry> history(@PathVariable long id) {
        return auditLog.history("user", accounts.get(id).id());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    UserView create(@Valid @RequestBody UserCommand command) {
        return accounts.create(command);
    }

    @PutMapping("/{id}")
    UserView update(@PathVariable long id, @Valid @RequestBody UserCommand command) {
        return accounts.update(id, command);
    }

    @PostMapping("/{id}/disable")
    UserView disable(@PathVariable long id, @RequestParam(required = false) Integer version) {
        return accounts.setEnabled(id, false, version);
    }

    @PostMapping("/{id}/enable")
    UserView enable(@PathVariable long id, @RequestParam(required = false) Integer version) {
        return accounts.setEnabled(id, true, version);
    }

    @PostMapping("/{id}/reset-password")
    UserView resetPassword(@PathVariable long id, @Valid @RequestBody PasswordReset body) {
        return accounts.resetPassword(id, body.password(), body.version());
    }

    /** A new password chosen by the administrator, and the version read. */
    record PasswordReset(@Size(max = 128) String password, Integer version) {
    }
}
