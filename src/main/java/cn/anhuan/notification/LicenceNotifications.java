package cn.anhuan.notification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.anhuan.enterprise.LicencesExpiring;
import cn.anhuan.identity.UserDirectory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells an enterprise's safety officers and the supervisors of its county (and of its development zone) that one of
 * its licences expires soon or has expired; whoever would receive more than the pass's threshold gets one digest.
 * Runs in the pass's transaction, so the reminders and their record commit or roll back together.
 */
@Component
class LicenceNotifications {

    static final String KIND = "LICENCE_EXPIRY";

    private final NotificationService notifications;
    private final UserDirectory directory;

    LicenceNotifications(NotificationService notifications, UserDirectory directory) {
        this.notifications = notifications;
        this.directory = directory;
    }

    @EventListener
    void on(LicencesExpiring pass) {
        Map<String, List<String>> officers = directory.enterpriseOfficers(pass.reminders().stream()
                .map(LicencesExpiring.Reminder::creditCode).collect(Collectors.toSet()));
        Map<String, List<String>> county = new HashMap<>();
        Map<String, List<LicencesExpiring.Reminder>> perRecipient = new LinkedHashMap<>();
        for (LicencesExpiring.Reminder r : pass.reminders()) {
            Set<String> to = new LinkedHashSet<>(officers.getOrDefault(r.creditCode(), List.of()));
            to.addAll(county.computeIfAbsent(r.regionCode(), c -> directory.countyStaff(c, false)));
            if (r.zoneCode() != null) {
                to.addAll(county.computeIfAbsent(r.zoneCode(), c -> directory.countyStaff(c, false)));
            }
            to.forEach(u -> perRecipient.computeIfAbsent(u, k -> new ArrayList<>()).add(r));
        }
        List<NotificationService.Row> rows = new ArrayList<>();
        perRecipient.forEach((recipient, reminders) -> {
            if (reminders.size() > pass.digestAbove()) {
                rows.add(new NotificationService.Row(recipient, KIND, "notification.licence.digest",
                        List.of(Integer.toString(reminders.size())), "/enterprises"));
                return;
            }
            for (LicencesExpiring.Reminder r : reminders) {
                rows.add(new NotificationService.Row(recipient, KIND,
                        r.daysLeft() > 0 ? "notification.licence.soon" : "notification.licence.expired",
                        List.of(r.enterpriseName(), r.number(), r.expiresOn().toString(), Long.toString(r.daysLeft())),
                        "/enterprises/" + r.enterpriseId()));
            }
        });
        notifications.sendAll(rows);
    }
}
