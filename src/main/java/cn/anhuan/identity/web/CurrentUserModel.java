package cn.anhuan.identity.web;

import cn.anhuan.identity.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the signed-in user into every rendered page's model as {@code me}, for the layout. An interceptor that
 * acts only when a view is rendered, not a {@code @ModelAttribute} advice: advice chosen by annotation is matched
 * against the controller on every request, REST controllers included (they carry {@code @Controller} too), and
 * that matching synthesised an annotation proxy per API call.
 */
@Configuration(proxyBeanMethods = false)
class CurrentUserModel implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView view) {
        if (view == null || (view.getViewName() != null && view.getViewName().startsWith("redirect:"))) {
            return;
        }
        view.addObject("me", CurrentUser.current().orElse(null));
    }
}
