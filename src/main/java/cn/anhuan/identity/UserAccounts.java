package cn.anhuan.identity;

import static cn.anhuan.shared.Texts.trimToNull;

import java.time.Clock;
import java.util.List;

import cn.anhuan.audit.AuditTrail;
import cn.anhuan.organization.DepartmentService;
import cn.anhuan.organization.DepartmentView;
import cn.anhuan.organization.RegionKind;
import cn.anhuan.organization.RegionService;
import cn.anhuan.organization.RegionView;
import cn.anhuan.shared.BusinessRuleException;
import cn.anhuan.shared.ConflictException;
import cn.anhuan.shared.DataScope;
import cn.anhuan.shared.NotFoundException;
import cn.anhuan.shared.Versions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts: create, change role and scope, disable, reset password. Every change is audited. */
@Service
@Transactional(readOnly = true)
public class UserAccounts {

    private final UserRepository users;
    private final RegionService regions;
    private final DepartmentService departments;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final Clock clock;
    private final ScopeResolver scopes;

    UserAccounts(UserRepository users, RegionService regions, DepartmentService departments, PasswordEncoder encoder,
                 AuditTrail audit, Clock clock, ScopeResolver scopes) {
        this.users = users;
        this.scopes = scopes;
        this.regions = regions;
        this.departments = departments;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    public List<UserView> search(String text, Role role, String regionCode) {
        return users.search(DataScope.current(), text, role, regionCode, 500).stream()
                .map(u -> UserView.of(u, clock.instant())).toList();
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    public UserView get(long id) {
        return UserView.of(visible(id), clock.instant());
    }

    /** Active accounts in the caller's regions. */
    public long countVisible() {
        return users.count(DataScope.current());
    }

    /** Active accounts per region code, in the caller's regions. */
    public java.util.Map<String, Long> countVisibleByRegion() {
        return users.countByRegion(DataScope.current());
    }

    @Transactional
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    public UserView create(UserCommand c) {
        if (c.username() == null || c.username().isBlank()) {
            throw new BusinessRuleException("username", "user.username.invalid");
        }
        if (users.findByUsername(c.username()).isPresent()) {
            throw new BusinessRuleException("username", "user.username.taken", c.username());
        }
        PasswordPolicy.check("password", c.password());
        String region = checkScope(c);
        UserRow row = new UserRow(0, c.username(), c.displayName().trim(), encoder.encode(c.password()), c.role(),
                region, c.role() == Role.ENTERPRISE_OFFICER ? null : c.departmentId(), trimToNull(c.enterpriseCode()), true, 0, null, clock.instant(), 0, false);
        long id = users.insert(row);
        UserRow created = users.findById(id).orElseThrow();
        audit.record("user.created", "user", id, region, null, created.auditFields());
        return UserView.of(created, clock.instant());
    }

    @Transactional
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    public UserView update(long id, UserCommand c) {
        UserRow before = visible(id);
        String region = checkScope(c);
        UserRow after = before.withProfile(c.displayName().trim(), c.role(), region,
                c.role() == Role.ENTERPRISE_OFFICER ? null : c.departmentId(),
                c.role() == Role.ENTERPRISE_OFFICER ? trimToNull(c.enterpriseCode()) : null);
        return save("user.updated", before, after, Versions.required(c.version()));
    }

    @Transactional
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    public UserView setEnabled(long id, boolean enabled, Integer version) {
        UserRow before = visible(id);
        if (!enabled && before.username().equals(CurrentUser.currentUsername())) {
            throw new BusinessRuleException("enabled", "user.disable.self");
        }
        return save(enabled ? "user.enabled" : "user.disabled", before, before.withEnabled(enabled),
                Versions.required(version));
    }

    /**
     * Sets a password the administrator hands over; the user has to replace it at the next sign-in (and is
     * signed out of running sessions, whose password no longer matches).
     */
    @Transactional
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    public UserView resetPassword(long id, String newPassword, Integer version) {
        PasswordPolicy.check("password", newPassword);
        UserRow before = visible(id);
        return save("user.password-reset", before, before.withPassword(encoder.encode(newPassword), true),
                Versions.required(version));
    }

    /**
     * The signed-in user changes its own password, proving it knows the current one; the new one must differ
     * from it (so a reset password cannot simply be kept). Returns the user as now stored, for the session to
     * carry on with.
     */
    @Transactional
    public AnhuanUser changeOwnPassword(String currentPassword, String newPassword) {
        UserRow me = users.findByUsername(CurrentUser.currentUsername())
                .orElseThrow(() -> new NotFoundException("user", CurrentUser.currentUsername()));
        if (currentPassword == null || !encoder.matches(currentPassword, me.passwordHash())) {
            throw new BusinessRuleException("currentPassword", "user.password.wrong");
        }
        PasswordPolicy.check("newPassword", newPassword);
        if (newPassword.equals(currentPassword)) {
            throw new BusinessRuleException("newPassword", "user.password.same");
        }
        save("user.password-changed", me, me.withPassword(encoder.encode(newPassword), false), me.version());
        return scopes.principal(users.findById(me.id()).orElseThrow());
    }

    private UserView save(String action, UserRow before, UserRow after, int version) {
        if (!users.update(after, version)) {
            throw ConflictException.staleVersion("user", before.id());
        }
        UserRow saved = users.findById(before.id()).orElseThrow();
        audit.record(action, "user", before.id(), saved.regionCode(), before.auditFields(), saved.auditFields());
        return UserView.of(saved, clock.instant());
    }

    private UserRow visible(long id) {
        return users.findById(id).filter(u -> DataScope.current().seesRegion(u.regionCode()))
                .orElseThrow(() -> new NotFoundException("user", id));
    }

    /** Checks that role, region, department and enterprise fit together; returns the user's region. */
    private String checkScope(UserCommand c) {
        if (c.role() == Role.DEPARTMENT_SUPERVISOR) {
            if (c.departmentId() == null) {
                throw new BusinessRuleException("departmentId", "user.department.required");
            }
            DepartmentView d = departments.find(c.departmentId())
                    .orElseThrow(() -> new BusinessRuleException("departmentId", "department.unknown", c.departmentId()));
            return d.regionCode();
        }
        RegionView region = regions.find(c.regionCode() == null ? "" : c.regionCode())
                .orElseThrow(() -> new BusinessRuleException("regionCode", "region.unknown", c.regionCode()));
        switch (c.role()) {
            case SYSTEM_ADMIN, CITY_LEADER, CITY_SUPERVISOR -> {
                if (region.kind() != RegionKind.CITY) {
                    throw new BusinessRuleException("regionCode", "user.region.mustBeCity");
                }
            }
            case COUNTY_SUPERVISOR, INSPECTOR -> {
                if (!region.kind().countyLevel()) {
                    throw new BusinessRuleException("regionCode", "user.region.mustBeCounty");
                }
            }
            case ENTERPRISE_OFFICER -> {
                if (c.enterpriseCode() == null || c.enterpriseCode().isBlank()) {
                    throw new BusinessRuleException("enterpriseCode", "user.enterpriseCode.required");
                }
            }
            default -> {
            }
        }
        if (c.departmentId() != null && c.role() != Role.ENTERPRISE_OFFICER) {
            DepartmentView d = departments.find(c.departmentId())
                    .orElseThrow(() -> new BusinessRuleException("departmentId", "department.unknown", c.departmentId()));
            if (!d.regionCode().equals(region.code())) {
                throw new BusinessRuleException("departmentId", "user.department.otherRegion");
            }
        }
        return region.code();
    }
}
