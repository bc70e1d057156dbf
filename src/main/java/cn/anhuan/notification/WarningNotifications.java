package cn.anhuan.notification;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.anhuan.air.ReductionItem;
import cn.anhuan.air.WarningChanged;
import cn.anhuan.identity.UserDirectory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells everyone a heavy-pollution warning concerns when it is issued, raised, lowered or lifted: the officers
 * of the enterprises on the reduction list at its level (with their own measures), every county supervisor and
 * the city and department supervisors (with the level's measures). Texts name the level in the reader's language.
 */
@Component
class WarningNotifications {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final NotificationService notifications;
    private final UserDirectory directory;

    WarningNotifications(NotificationService notifications, UserDirectory directory) {
        this.notifications = notifications;
        this.directory = directory;
    }

    @EventListener
    void on(WarningChanged w) {
        String kind = "AIR_WARNING_" + w.action().name();
        String level = NotificationService.key("air.level." + w.level().name());
        String starts = time(w.startsAt());
        String ends = w.endsAt() == null ? NotificationService.key("notification.air.untilLifted") : time(w.endsAt());
        List<NotificationService.Row> rows = new ArrayList<>();
        Map<String, List<String>> officers = directory.enterpriseOfficers(
                w.lines().stream().map(ReductionItem::enterpriseCode).collect(Collectors.toSet()));
        Set<String> told = new LinkedHashSet<>();
        for (ReductionItem line : w.lines()) {
            for (String officer : officers.getOrDefault(line.enterpriseCode(), List.of())) {
                if (told.add(officer)) {
                    rows.add(new NotificationService.Row(officer, kind, "notification.air." + w.action() + ".enterprise",
                            List.of(level, w.documentNo(), starts, ends, line.measures()), "/air/public"));
                }
            }
        }
        Set<String> staff = new LinkedHashSet<>(directory.countySupervisors());
        staff.addAll(directory.supervisorsOfAllDepartments());
        String measures = NotificationService.key("air.measures." + w.level().name());
        for (String user : staff) {
            if (told.add(user)) {
                rows.add(new NotificationService.Row(user, kind, "notification.air." + w.action(),
                        List.of(level, w.documentNo(), starts, ends, measures, Integer.toString(w.lines().size())),
                        "/air/public"));
            }
        }
        notifications.sendAll(rows);
    }

    private static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }
}
