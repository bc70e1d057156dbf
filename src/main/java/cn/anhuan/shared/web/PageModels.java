package cn.anhuan.shared.web;

import java.util.List;

import cn.anhuan.shared.PageModel;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Calls every {@link PageModel} when a page is rendered. An interceptor, not a {@code @ModelAttribute} advice:
 * advice chosen by annotation is matched against the controller on every request, REST controllers included
 * (they carry {@code @Controller} too), and that matching synthesised an annotation proxy per API call.
 */
@Configuration(proxyBeanMethods = false)
class PageModels implements WebMvcConfigurer, HandlerInterceptor {

    private final List<PageModel> models;

    PageModels(List<PageModel> models) {
        this.models = models;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView view) {
        if (view != null && (view.getViewName() == null || !view.getViewName().startsWith("redirect:"))) {
            addTo(view);
        }
    }

    /** For pages rendered outside a handler's normal return (exception handlers): the same layout model. */
    void addTo(ModelAndView view) {
        for (PageModel model : models) {
            model.addTo(view);
        }
    }
}
