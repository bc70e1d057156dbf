package cn.anhuan.shared.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a request body above its endpoint's limit ({@link WebLimits}) with 413 and a translated problem detail,
 * before authentication and before anything reads it: a declared Content-Length is compared at once; a body
 * streamed without one (chunked) is read up to the limit and refused on the first byte beyond it, else handed on
 * from memory. Multipart and form bodies sent without a length are left to the servlet container's own limits
 * ({@code spring.servlet.multipart.*}, Tomcat's form size), which parse them without this filter's stream.
 */
class BodyLimitFilter extends OncePerRequestFilter {

    /** After Spring's request-context filter (-105), before Spring Security's chain (-100). */
    static final int ORDER = -104;

    private final WebLimits limits;
    private final MessageSource messages;
    private final JsonMapper json;
    private final AntPathMatcher matcher = new AntPathMatcher();

    BodyLimitFilter(WebLimits limits, MessageSource messages, JsonMapper json) {
        this.limits = limits;
        this.messages = messages;
        this.json = json;
    }

    /** The filter on {@code /api/*} and {@code /public/*} only. */
    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(WebLimits limits, MessageSource messages,
                                                                JsonMapper json) {
            FilterRegistrationBean<BodyLimitFilter> registration =
                    new FilterRegistrationBean<>(new BodyLimitFilter(limits, messages, json));
            registration.addUrlPatterns("/api/*", "/public/*");
            registration.setOrder(ORDER);
            return registration;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limit(request);
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            tooLarge(request, response, limit);
            return;
        }
        if (declared < 0 && request.getHeader("Transfer-Encoding") != null && !parsedByContainer(request)) {
            byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (body.length > limit) {
                tooLarge(request, response, limit);
                return;
            }
            chain.doFilter(new Buffered(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The endpoint's own limit, else the multipart, public or general one. */
    long limit(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (Map.Entry<String, DataSize> e : limits.paths().entrySet()) {
            if (matcher.match(e.getKey(), path)) {
                return e.getValue().toBytes();
            }
        }
        if (multipart(request)) {
            return limits.maxMultipartBody().toBytes();
        }
        return path.startsWith("/public/") || path.startsWith("/api/v1/public/") ? limits.maxPublicBody().toBytes()
                : limits.maxBody().toBytes();
    }

    private static boolean multipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    private static boolean parsedByContainer(HttpServletRequest request) {
        String type = request.getContentType();
        return multipart(request) || type != null
                && type.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
        Locale locale = request.getHeader("Accept-Language") == null ? LocaleConfiguration.CHINESE
                : LocaleConfiguration.supported(request.getLocale());
        ProblemDetail problem = ApiProblemHandler.problem(HttpStatus.CONTENT_TOO_LARGE, "too-large",
                messages.getMessage("error.body.tooLarge", new Object[] {limit / 1024}, locale));
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // The unread rest of the body would otherwise be drained by the container: close the connection instead.
        response.setHeader("Connection", "close");
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }

    /** The request with its body read into memory already. */
    static final class Buffered extends HttpServletRequestWrapper {

        private final byte[] body;

        Buffered(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
