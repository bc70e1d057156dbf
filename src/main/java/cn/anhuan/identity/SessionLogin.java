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
 * request authenticates (Basic, Bearer) lasts for that request only.
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
        return requestThenSession.loadDeferredContext(r);
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest r, HttpServletResponse response) {
        request.saveContext(context, r, response);
    }

    @Override
    public boolean containsContext(HttpServletRequest r) {
        return requestThenSession.containsContext(r);
    }
}
