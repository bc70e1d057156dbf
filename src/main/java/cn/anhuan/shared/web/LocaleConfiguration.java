package cn.anhuan.shared.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

/**
 * Simplified Chinese by default, English second. {@code ?lang=en} or {@code ?lang=zh-CN} on any page switches
 * and sticks for the session. Pages start in Chinese whatever the browser says; API clients get the language
 * of their Accept-Language header when it is one of the two ({@code lang} is not read on {@code /api/}).
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    static final List<Locale> SUPPORTED = List.of(CHINESE, Locale.ENGLISH);

    @Bean
    LocaleResolver localeResolver() {
        SessionLocaleResolver resolver = new SessionLocaleResolver() {
            @Override
            public void setLocale(jakarta.servlet.http.HttpServletRequest request,
                    jakarta.servlet.http.HttpServletResponse response, Locale locale) {
                super.setLocale(request, response, locale == null ? null : supported(locale));
            }
        };
        resolver.setDefaultLocaleFunction(request -> {
            if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                    || request.getHeader("Accept-Language") == null) {
                return CHINESE;
            }
            return supported(request.getLocale());
        });
        return resolver;
    }

    static Locale supported(Locale requested) {
        return "en".equals(requested.getLanguage()) ? Locale.ENGLISH : CHINESE;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        // API clients choose their language with Accept-Language; ?lang= would open a session for them.
        registry.addInterceptor(interceptor).excludePathPatterns("/api/**");
    }
}
