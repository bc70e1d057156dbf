package cn.anhuan.identity;

import java.time.Instant;

/** An account as administrators see it (never its password hash). */
public record UserView(long id, String username, String displayName, Role role, String regionCode,
                       Long departmentId, String enterpriseCode, boolean enabled, boolean locked,
                       Instant createdAt, int version, boolean passwordChangeRequired) {

    static UserView of(UserRow u, Instant now) {
        return new UserView(u.id(), u.username(), u.displayName(), u.role(), u.regionCode(), u.departmentId(),
                u.enterpriseCode(), u.enabled(), u.lockedUntil() != null && u.lockedUntil().isAfter(now),
                u.createdAt(), u.version(), u.passwordChangeRequired());
    }
}
