package cn.anhuan.notification.web;

import cn.anhuan.notification.NotificationService;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The unread count in every page's navigation. */
@ControllerAdvice(annotations = Controller.class)
class UnreadAdvice {

    private final NotificationService notifications;

    UnreadAdvice(NotificationService notifications) {
        this.notifications = notifications;
    }

    @ModelAttribute("unreadNotifications")
    Long unread() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || "anonymousUser".equals(auth.getName()) ? null : notifications.unread();
    }
}
