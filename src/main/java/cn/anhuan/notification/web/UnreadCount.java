package cn.anhuan.notification.web;

import cn.anhuan.notification.NotificationService;
import cn.anhuan.shared.Actor;
import cn.anhuan.shared.PageModel;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/** The unread count in every rendered page's navigation (not for the system actor, which has no inbox). */
@Component
class UnreadCount implements PageModel {

    private final NotificationService notifications;

    UnreadCount(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public void addTo(ModelAndView page) {
        if (!Actor.SYSTEM.equals(Actor.name())) {
            page.addObject("unreadNotifications", notifications.unread());
        }
    }
}
