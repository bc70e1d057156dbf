package cn.anhuan.identity.web;

import java.util.List;

import cn.anhuan.identity.AnhuanUser;
import cn.anhuan.identity.ApiTokenView;
import cn.anhuan.identity.ApiTokens;
import cn.anhuan.identity.CurrentUser;
import cn.anhuan.identity.IssuedToken;
import cn.anhuan.identity.Role;
import cn.anhuan.shared.DataScope;
import cn.anhuan.shared.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own account and personal API tokens. */
@RestController
@RequestMapping("/api/v1")
class AccountApiController {

    private final ApiTokens tokens;

    AccountApiController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/me")
    Me me() {
        AnhuanUser u = CurrentUser.current().orElseThrow(() -> new NotFoundException("user", "current"));
        return new Me(u.id(), u.username(), u.displayName(), u.role(), u.regionCode(), u.departmentId(),
                u.enterpriseCode(), u.scope());
    }

    @GetMapping("/tokens")
    List<ApiTokenView> tokens() {
        return tokens.mine();
    }

    @PostMapping("/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    IssuedToken create(@Valid @RequestBody NewToken body) {
        return tokens.create(body.name(), body.validDays());
    }

    @DeleteMapping("/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable long id) {
        tokens.revoke(id);
    }

    /** The signed-in user and its data scope. */
    record Me(long id, String username, String displayName, Role role, String regionCode, Long departmentId,
              String enterpriseCode, DataScope scope) {
    }

    /** A token to create: its purpose and validity in days (null: the maximum lifetime). */
    record NewToken(@Size(max = 100) String name, Integer validDays) {
    }
}
