package cn.anhuan.identity;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import cn.anhuan.shared.DataScope;
import cn.anhuan.shared.ScopedPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in user: account, role and the data scope computed from them. */
public record AnhuanUser(long id, String username, String displayName, String passwordHash, Role role,
                         String regionCode, Long departmentId, String enterpriseCode, boolean enabled,
                         Instant lockedUntil, int version, DataScope scope)
        implements UserDetails, ScopedPrincipal, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public boolean isAccountNonLocked() {
        return lockedUntil == null || lockedUntil.isBefore(Instant.now());
    }

    /** Whether this user administers the platform (shows the editing forms). */
    public boolean admin() {
        return role == Role.SYSTEM_ADMIN;
    }

    /** The same user without its password hash, as kept in the session. */
    AnhuanUser withoutPassword() {
        return new AnhuanUser(id, username, displayName, "", role, regionCode, departmentId, enterpriseCode,
                enabled, lockedUntil, version, scope);
    }

    @Override
    public String toString() {
        return "AnhuanUser[" + username + ", " + role + ", " + regionCode + "]";
    }
}
