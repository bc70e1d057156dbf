package cn.anhuan.notification.web;

import cn.anhuan.notification.NotificationService;
import cn.anhuan.shared.Actor;
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
        return Actor.SYSTEM.equals(Actor.name()) ? null : notifications.unread();
    }
}
