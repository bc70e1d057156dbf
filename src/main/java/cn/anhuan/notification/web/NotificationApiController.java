package cn.anhuan.notification.web;

import java.util.List;
import java.util.Map;

import cn.anhuan.notification.NotificationService;
import cn.anhuan.notification.NotificationView;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's notifications over JSON. */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationApiController {

    private final NotificationService notifications;

    NotificationApiController(NotificationService notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    List<NotificationView> inbox() {
        return notifications.inbox(200);
    }

    @GetMapping("/unread")
    Map<String, Long> unread() {
        return Map.of("unread", notifications.unread());
    }

    @PostMapping("/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void read(@PathVariable long id) {
        notifications.markRead(id);
    }
}
