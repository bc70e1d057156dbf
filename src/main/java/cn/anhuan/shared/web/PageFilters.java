package cn.anhuan.shared.web;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/** Servlet filters that only pages need. */
@Configuration(proxyBeanMethods = false)
class PageFilters {

    /**
     * Versioned static-resource links in templates (in place of Spring Boot's registration, which wraps every
     * request and response, the API's included): JSON responses contain no template links.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new PagesOnly());
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    static final class PagesOnly extends ResourceUrlEncodingFilter {

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request instanceof HttpServletRequest http && api(http)) {
                chain.doFilter(request, response);
            } else {
                super.doFilter(request, response, chain);
            }
        }

        static boolean api(HttpServletRequest request) {
            String uri = request.getRequestURI();
            String context = request.getContextPath();
            return uri.startsWith(context) && uri.startsWith("/api/", context.length());
        }
    }
}
