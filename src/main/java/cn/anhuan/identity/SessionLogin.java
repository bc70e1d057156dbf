package cn.anhuan.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The API's view of the page session: a signed-in browser's requests to {@code /api/**} (export, charts, maps)
 * are authenticated by its session, but the API never creates a session nor writes into one: what an API
 * request authenticates (Basic, Bearer) lasts for that request only. A request that brings credentials of its own
 * (any {@code Authorization} header) is not signed in by the session at all: its credentials are checked or it is
 * refused, and the session's user (with the session check that goes with it) never stands in for them.
 */
class SessionLogin implements SecurityContextRepository {

    private final RequestAttributeSecurityContextRepository request = new RequestAttributeSecurityContextRepository();
    private final DelegatingSecurityContextRepository requestThenSession;

    SessionLogin() {
        HttpSessionSecurityContextRepository session = new HttpSessionSecurityContextRepository();
        session.setAllowSessionCreation(false);
        requestThenSession = new DelegatingSecurityContextRepository(request, session);
    }

    @Override
    @SuppressWarnings("deprecation")
    public SecurityContext loadContext(org.springframework.security.web.context.HttpRequestResponseHolder holder) {
        return loadDeferredContext(holder.getRequest()).get();
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest r) {
        return ownCredentials(r) ? request.loadDeferredContext(r) : requestThenSession.loadDeferredContext(r);
    }

    private static boolean ownCredentials(HttpServletRequest r) {
        return r.getHeader("Authorization") != null;
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest r, HttpServletResponse response) {
        request.saveContext(context, r, response);
    }

    @Override
    public boolean containsContext(HttpServletRequest r) {
        return ownCredentials(r) ? request.containsContext(r) : requestThenSession.containsContext(r);
    }
}
