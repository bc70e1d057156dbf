package cn.anhuan.notification;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import cn.anhuan.identity.UserDirectory;
import cn.anhuan.monitoring.AlarmRaised;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells an enterprise's safety officers and its county supervisors when one of its monitoring devices alarms. */
@Component
class AlarmNotifications {

    private final NotificationService notifications;
    private final UserDirectory directory;

    AlarmNotifications(NotificationService notifications, UserDirectory directory) {
        this.notifications = notifications;
        this.directory = directory;
    }

    @EventListener
    @Transactional
    void on(AlarmRaised a) {
        Set<String> to = new LinkedHashSet<>();
        if (a.creditCode() != null) {
            to.addAll(directory.enterpriseOfficers(a.creditCode()));
        }
        to.addAll(directory.countyStaff(a.regionCode(), false));
        notifications.send(to, "ALARM_" + a.kind(), "notification.alarm." + a.kind(),
                List.of(a.deviceName(), a.pollutant() == null ? "" : a.pollutant()), "/monitoring/alarms/" + a.alarmId());
    }
}
