package cn.anhuan.identity;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cross-site request forgery on the API. A browser that once answered a Basic prompt sends those credentials
 * with any request to the platform, also one a foreign page makes it send: a state-changing request with Basic
 * credentials is refused when the browser says it comes from another site ({@code Sec-Fetch-Site},
 * {@code Origin}, or {@code Referer}), or when it has a form's content type and comes from a browser at all
 * (no API client of ours posts forms; a page posting to the API uses the session and the CSRF token).
 * Requests that use the session instead are covered by the CSRF token ({@link #SESSION_WRITES}); Bearer tokens
 * are never sent by a browser on its own and pass untouched.
 */
class ApiBrowserGuard extends OncePerRequestFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> FORM_TYPES = Set.of("application/x-www-form-urlencoded", "multipart/form-data",
            "text/plain");

    /** Requests that must carry the CSRF token: state-changing ones that rely on the page session. */
    static final RequestMatcher SESSION_WRITES = request -> !SAFE.contains(request.getMethod())
            && request.getHeader("Authorization") == null && request.getSession(false) != null
            && !request.getRequestURI().startsWith(request.getContextPath() + "/api/v1/public/");

    private final ProblemResponses problems;

    ApiBrowserGuard(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader("Authorization");
        if (!SAFE.contains(request.getMethod()) && authorization != null
                && authorization.regionMatches(true, 0, "Basic ", 0, 6)
                && (crossSite(request) || (formType(request) && fromBrowser(request)))) {
            problems.handle(request, response, new CsrfException("Cross-site request with Basic credentials"));
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean crossSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin != null) {
            return !sameAuthority(origin, request);
        }
        String referer = request.getHeader("Referer");
        return referer != null && !sameAuthority(referer, request);
    }

    /** Whether the URL names this server as the request reached it (scheme aside: a proxy may end TLS). */
    private static boolean sameAuthority(String url, HttpServletRequest request) {
        String host = request.getHeader("Host");
        try {
            String authority = URI.create(url.trim()).getRawAuthority();
            return authority != null && host != null && authority.equalsIgnoreCase(host.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean formType(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        int semicolon = type.indexOf(';');
        return FORM_TYPES.contains((semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT));
    }

    static boolean fromBrowser(HttpServletRequest request) {
        return request.getHeader("Sec-Fetch-Mode") != null || request.getHeader("Origin") != null
                || request.getHeader("Referer") != null;
    }
}
