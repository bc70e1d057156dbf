package cn.anhuan.notification.web;

import cn.anhuan.notification.NotificationService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The user's notifications page. */
@Controller
class NotificationWebController {

    private final NotificationService notifications;

    NotificationWebController(NotificationService notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notifications")
    String inbox(Model model) {
        model.addAttribute("notifications", notifications.inbox(200));
        return "notifications";
    }

    @PostMapping("/notifications/{id}/read")
    String read(@PathVariable long id) {
        notifications.markRead(id);
        return "redirect:/notifications";
    }

    /** Following a notification's link marks it read on the way. */
    @GetMapping("/notifications/{id}/open")
    String open(@PathVariable long id) {
        return "redirect:" + notifications.open(id);
    }

    @PostMapping("/notifications/read")
    String readAll() {
        notifications.markAllRead();
        return "redirect:/notifications";
    }
}
