package cn.anhuan.notification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
        notifications.send(lookup(n.kind(), n.creditCode(), n.regionCode(), n.industryCode(), n.level(),
                        new Lookups(directory, null)), n.kind().name(),
                "notification.hazard." + n.kind().name(), List.of(Long.toString(n.hazardId()), n.place()),
                "/hazards/" + n.hazardId());
    }

    /**
     * An escalation pass: recipients resolved once per group (enterprise officers of all groups in one query);
     * whoever would receive more than the pass's threshold of notices of one kind gets one digest with the count
     * and a link to the filtered list instead; rows copied in bulk.
     */
    @EventListener
    void on(HazardNotices batch) {
        Map<String, List<String>> officers = directory.enterpriseOfficers(batch.groups().stream()
                .filter(g -> g.kind() != HazardNotice.Kind.ESCALATED).map(HazardNotices.Group::creditCode)
                .collect(Collectors.toSet()));
        Lookups lookups = new Lookups(directory, officers);
        record Key(String recipient, HazardNotice.Kind kind) {
        }
        Map<Key, List<HazardNotices.Group>> perRecipient = new LinkedHashMap<>();
        for (HazardNotices.Group g : batch.groups()) {
            for (String r : lookup(g.kind(), g.creditCode(), g.regionCode(), g.industryCode(), g.level(), lookups)) {
                perRecipient.computeIfAbsent(new Key(r, g.kind()), k -> new ArrayList<>()).add(g);
            }
        }
        List<NotificationService.Row> rows = new ArrayList<>();
        perRecipient.forEach((key, groups) -> {
            int total = groups.stream().mapToInt(HazardNotices.Group::count).sum();
            String kind = key.kind().name();
            if (total > batch.digestAbove()) {
                rows.add(new NotificationService.Row(key.recipient(), kind, "notification.hazard." + kind + ".digest",
                        List.of(Integer.toString(total)),
                        key.kind() == HazardNotice.Kind.DEADLINE_SOON ? "/hazards" : "/hazards?overdue=true"));
                return;
            }
            for (HazardNotices.Group g : groups) {
                for (int i = 0; i < g.ids().size(); i++) {
                    rows.add(new NotificationService.Row(key.recipient(), kind, "notification.hazard." + kind,
                            List.of(Long.toString(g.ids().get(i)), g.places().get(i)), "/hazards/" + g.ids().get(i)));
                }
            }
        });
        notifications.sendAll(rows);
    }

    /**
     * Recipient lookups for one event or one pass: enterprise officers from a bulk map when given, county and
     * city staff each looked up once per county (and industry).
     */
    private static final class Lookups {
        private final UserDirectory directory;
        private final Map<String, List<String>> officers;
        private final Map<String, List<String>> county = new HashMap<>();
        private final Map<String, Set<String>> city = new HashMap<>();

        Lookups(UserDirectory directory, Map<String, List<String>> officers) {
            this.directory = directory;
            this.officers = officers;
        }

        List<String> officers(String creditCode) {
            return officers == null ? directory.enterpriseOfficers(creditCode)
                    : officers.getOrDefault(creditCode, List.of());
        }

        List<String> county(String region, boolean inspectors) {
            return county.computeIfAbsent(region + "|" + inspectors, k -> directory.countyStaff(region, inspectors));
        }

        Set<String> city(String region, String industry) {
            return city.computeIfAbsent(region + "|" + industry, k -> directory.cityStaff(region, industry));
        }
    }

    /** Who a notice of this kind about a hazard of this enterprise, county, industry and level concerns. */
    private static Set<String> lookup(HazardNotice.Kind kind, String creditCode, String regionCode,
                                      String industryCode, String level, Lookups users) {
        Set<String> to = new LinkedHashSet<>();
        switch (kind) {
            case REPORTED -> {
                to.addAll(users.officers(creditCode));
                if ("MAJOR".equals(level)) {
                    to.addAll(users.county(regionCode, false));
                }
            }
            case SUBMITTED -> to.addAll(users.county(regionCode, true));
            case OVERDUE -> {
                to.addAll(users.officers(creditCode));
                to.addAll(users.county(regionCode, false));
            }
            case ESCALATED -> to.addAll(users.city(regionCode, industryCode));
            default -> to.addAll(users.officers(creditCode));
        }
        return to;
    }
}
