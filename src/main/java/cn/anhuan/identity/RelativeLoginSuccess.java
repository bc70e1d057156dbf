package cn.anhuan.identity;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * After sign-in, back to the page that asked for it, by path only: the saved request's own redirect URL is
 * absolute, built from the Host header the first request came with.
 */
class RelativeLoginSuccess implements AuthenticationSuccessHandler {

    private final RequestCache cache = new HttpSessionRequestCache();

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException {
        SavedRequest saved = cache.getRequest(request, response);
        String target = "/";
        if (saved != null) {
            cache.removeRequest(request, response);
            try {
                java.net.URI uri = java.net.URI.create(saved.getRedirectUrl());
                String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
                if (path.startsWith(request.getContextPath())) {
                    target = path.substring(request.getContextPath().length())
                            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
                }
            } catch (IllegalArgumentException e) {
                target = "/"; // a saved URL that is no URI: home rather than an error page after signing in
            }
        }
        response.sendRedirect(request.getContextPath() + (target.isEmpty() || target.startsWith("//") ? "/" : target));
    }
}
