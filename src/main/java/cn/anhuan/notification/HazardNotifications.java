package cn.anhuan.notification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.anhuan.hazard.HazardNotice;
import cn.anhuan.hazard.HazardNotices;
import cn.anhuan.identity.UserDirectory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells everyone a hazard concerns: the enterprise of every step; its county when a major hazard is found,
 * when rectification is submitted for acceptance and when it is overdue; the city when it is escalated.
 */
@Component
class HazardNotifications {

    private final NotificationService notifications;
    private final UserDirectory directory;

    HazardNotifications(NotificationService notifications, UserDirectory directory) {
        this.notifications = notifications;
        this.directory = directory;
    }

    @EventListener
    void on(HazardNotice n) {
        notifications.send(recipients(n, new HashMap<>()), n.kind().name(),
                "notification.hazard." + n.kind().name(), List.of(Long.toString(n.hazardId()), n.place()),
                "/hazards/" + n.hazardId());
    }

    /** An escalation pass: recipients looked up once per enterprise, county or city group; rows copied in bulk. */
    @EventListener
    void on(HazardNotices batch) {
        Map<String, Set<String>> cache = new HashMap<>();
        List<NotificationService.Row> rows = new ArrayList<>();
        for (HazardNotice n : batch.notices()) {
            for (String r : recipients(n, cache)) {
                rows.add(new NotificationService.Row(r, n.kind().name(), "notification.hazard." + n.kind().name(),
                        List.of(Long.toString(n.hazardId()), n.place()), "/hazards/" + n.hazardId()));
            }
        }
        notifications.sendAll(rows);
    }

    private Set<String> recipients(HazardNotice n, Map<String, Set<String>> cache) {
        return cache.computeIfAbsent(n.kind() + "|" + n.creditCode() + "|" + n.regionCode() + "|" + n.industryCode()
                + "|" + n.level(), k -> lookup(n));
    }

    private Set<String> lookup(HazardNotice n) {
        Set<String> to = new LinkedHashSet<>();
        switch (n.kind()) {
            case REPORTED -> {
                to.addAll(directory.enterpriseOfficers(n.creditCode()));
                if ("MAJOR".equals(n.level())) {
                    to.addAll(directory.countyStaff(n.regionCode(), false));
                }
            }
            case SUBMITTED -> to.addAll(directory.countyStaff(n.regionCode(), true));
            case OVERDUE -> {
                to.addAll(directory.enterpriseOfficers(n.creditCode()));
                to.addAll(directory.countyStaff(n.regionCode(), false));
            }
            case ESCALATED -> to.addAll(directory.cityStaff(n.regionCode(), n.industryCode()));
            default -> to.addAll(directory.enterpriseOfficers(n.creditCode()));
        }
        return to;
    }
}
