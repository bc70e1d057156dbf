package cn.anhuan.identity;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/** 401 and 403 of the API and actuator as RFC 9457 problem details, in the caller's language. */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final MessageSource messages;

    ProblemResponses(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", challenge(request));
        write(request, response, 401, "unauthorized", "Unauthorized", "error.unauthorized");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (e instanceof CsrfException) {
            write(request, response, 403, "cross-site", "Forbidden", "error.crossSite");
        } else {
            write(request, response, 403, "forbidden", "Forbidden", "error.forbidden");
        }
    }

    /**
     * A Basic challenge makes a browser prompt for a password: it is offered to API clients and to requests that
     * tried credentials, never to a browser that came without (a page whose session ended, a link opened).
     */
    static String challenge(HttpServletRequest request) {
        boolean browser = request.getHeader("Sec-Fetch-Mode") != null || request.getHeader("Origin") != null
                || request.getRequestedSessionId() != null;
        return request.getHeader("Authorization") == null && browser
                ? "Bearer realm=\"anhuan\"" : "Basic realm=\"anhuan\", Bearer realm=\"anhuan\"";
    }

    private void write(HttpServletRequest request, HttpServletResponse response, int status, String type,
                       String title, String key) throws IOException {
        Locale locale = request.getHeader("Accept-Language") != null && "en".equals(request.getLocale().getLanguage())
                ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        String detail = messages.getMessage(key, null, key, locale);
        response.setStatus(status);
        response.setContentType("application/problem+json;charset=UTF-8");
        response.getWriter().write("{\"type\":\"/problems/" + type + "\",\"title\":\"" + title + "\",\"status\":"
                + status + ",\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\",\"instance\":\"" + request.getRequestURI().replace("\"", "%22") + "\"}");
    }
}
