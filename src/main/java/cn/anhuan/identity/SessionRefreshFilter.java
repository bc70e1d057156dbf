package cn.anhuan.identity;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a session's user in step with the database: a disabled or locked account, or one whose password was
 * reset, is signed out at its next request; a changed role or scope applies at once. A user whose password an
 * administrator set is sent to its account page, and only that page (with its password form, sign-out and the static resources)
 * answers until it has chosen a new password.
 */
class SessionRefreshFilter extends OncePerRequestFilter {

    static final String CHANGE_PASSWORD_PAGE = "/account?passwordChangeRequired";
    private static final java.util.List<String> OPEN_DURING_CHANGE = java.util.List.of("/account", "/account/password", "/logout",
            "/login", "/error", "/css/", "/js/", "/img/", "/webjars/", "/favicon.ico");

    private final UserRepository users;
    private final ScopeResolver scopes;
    private final HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    SessionRefreshFilter(UserRepository users, ScopeResolver scopes) {
        this.users = users;
        this.scopes = scopes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AnhuanUser user && request.getSession(false) != null) {
            Optional<UserRow> row = users.findById(user.id());
            if (row.isEmpty() || !row.get().enabled() || !row.get().passwordHash().equals(user.passwordHash())
                    || (row.get().lockedUntil() != null && row.get().lockedUntil().isAfter(Instant.now()))) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                response.sendRedirect(request.getContextPath() + "/login?expired");
                return;
            }
            if (row.get().version() != user.version()) {
                AnhuanUser fresh = scopes.principal(row.get());
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(fresh, null,
                        fresh.getAuthorities()));
                SecurityContextHolder.setContext(context);
                repository.saveContext(context, request, response);
            }
            if (row.get().passwordChangeRequired() && !openDuringChange(request)) {
                response.sendRedirect(request.getContextPath() + CHANGE_PASSWORD_PAGE);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean openDuringChange(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return OPEN_DURING_CHANGE.stream().anyMatch(p -> p.endsWith("/") ? path.startsWith(p) : path.equals(p));
    }
}
