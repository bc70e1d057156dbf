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
 * reset, is signed out at its next request; a changed role or scope applies at once. On the API (session
 * requests only: Basic and Bearer users are loaded afresh anyway) a signed-out session answers 401 instead of
 * a redirect, and a refreshed user is not written back into the session. A user whose password an
 * administrator set is sent to its account page, and only that page (with its password form, sign-out and the
 * static resources) answers until it has chosen a new password; its session gets 403 on the API meanwhile.
 */
class SessionRefreshFilter extends OncePerRequestFilter {

    static final String CHANGE_PASSWORD_PAGE = "/account?passwordChangeRequired";
    private static final java.util.List<String> OPEN_DURING_CHANGE = java.util.List.of("/account", "/account/password", "/logout",
            "/login", "/error", "/css/", "/js/", "/img/", "/webjars/", "/favicon.ico");

    private final UserRepository users;
    private final ScopeResolver scopes;
    private final boolean api;
    private final HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    SessionRefreshFilter(UserRepository users, ScopeResolver scopes, boolean api) {
        this.users = users;
        this.scopes = scopes;
        this.api = api;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AnhuanUser user && request.getSession(false) != null
                && !(api && request.getHeader("Authorization") != null)) {
            Optional<UserRow> row = users.findById(user.id());
            if (row.isEmpty() || !row.get().enabled() || !row.get().passwordHash().equals(user.passwordHash())
                    || (row.get().lockedUntil() != null && row.get().lockedUntil().isAfter(Instant.now()))) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                if (api) {
                    chain.doFilter(request, response);
                    return;
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
                if (!api) {
                    repository.saveContext(context, request, response);
                }
            }
            if (row.get().passwordChangeRequired() && !openDuringChange(request)) {
                if (api) {
                    response.sendError(jakarta.servlet.http.HttpServletResponse.SC_FORBIDDEN);
                } else {
                    response.sendRedirect(request.getContextPath() + CHANGE_PASSWORD_PAGE);
                }
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
