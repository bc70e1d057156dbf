package cn.anhuan.identity;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads an account with its scope for login ({@link LoginThrottle} checks the password). */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final UserRepository users;
    private final ScopeResolver scopes;

    AccountUserDetailsService(UserRepository users, ScopeResolver scopes) {
        this.users = users;
        this.scopes = scopes;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return users.findByUsername(username == null ? "" : username.trim())
                .map(scopes::principal)
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
    }
}
