package cn.anhuan.notification;

import java.util.List;

import cn.anhuan.hazard.CitizenReportReceived;
import cn.anhuan.identity.UserDirectory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the county supervisors of a citizen's report in their county, which they triage. */
@Component
class CitizenReportNotifications {

    private final NotificationService notifications;
    private final UserDirectory directory;

    CitizenReportNotifications(NotificationService notifications, UserDirectory directory) {
        this.notifications = notifications;
        this.directory = directory;
    }

    @EventListener
    void on(CitizenReportReceived r) {
        notifications.send(directory.countyStaff(r.regionCode(), false), "CITIZEN_REPORT",
                "notification.citizen.received", List.of(r.place()), "/hazards/reports#report-" + r.reportId());
    }
}
