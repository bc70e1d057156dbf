package cn.anhuan.notification.web;

import java.util.List;

import cn.anhuan.notification.NotificationService;
import cn.anhuan.notification.NotificationView;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The user's notifications page. */
@Controller
class NotificationWebController {

    private final NotificationService notifications;

    NotificationWebController(NotificationService notifications) {
        this.notifications = notifications;
    }

    static final int PAGE = 50;

    @GetMapping("/notifications")
    String inbox(@RequestParam(required = false) Long before, Model model) {
        List<NotificationView> page = notifications.inbox(before, PAGE);
        model.addAttribute("notifications", page);
        model.addAttribute("next", page.size() == PAGE ? page.get(PAGE - 1).id() : null);
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
