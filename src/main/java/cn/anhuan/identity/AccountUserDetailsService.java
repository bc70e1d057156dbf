package cn.anhuan.identity;

import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads an account with its scope for login; refuses an address that failed too often. */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final UserRepository users;
    private final ScopeResolver scopes;
    private final LoginThrottle throttle;

    AccountUserDetailsService(UserRepository users, ScopeResolver scopes, LoginThrottle throttle) {
        this.users = users;
        this.scopes = scopes;
        this.throttle = throttle;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        if (throttle.addressBlocked()) {
            throw new LockedException("Too many failed logins from this address");
        }
        return users.findByUsername(username == null ? "" : username.trim())
                .map(scopes::principal)
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
    }
}
