package cn.anhuan.notification.web;

import cn.anhuan.notification.NotificationService;
import cn.anhuan.shared.Actor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The unread count in every page's navigation. Added after the handler and only when a view is rendered, so
 * API calls, redirects and downloads do not pay for the count.
 */
@Configuration(proxyBeanMethods = false)
class UnreadCount implements WebMvcConfigurer, HandlerInterceptor {

    private final NotificationService notifications;

    UnreadCount(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView view) {
        if (view == null || (view.getViewName() != null && view.getViewName().startsWith("redirect:"))
                || Actor.SYSTEM.equals(Actor.name())) {
            return;
        }
        view.addObject("unreadNotifications", notifications.unread());
    }
}
