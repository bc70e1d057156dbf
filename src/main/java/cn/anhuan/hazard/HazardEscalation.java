package cn.anhuan.hazard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import cn.anhuan.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The overdue-escalation ladder, run on a schedule: a reminder N days before the deadline, an overdue notice
 * on the day after it, an escalation to the city M days later. Each rung is one set-based UPDATE that marks
 * the hazards it notifies, so running it twice notifies nobody twice.
 */
@Component
public class HazardEscalation {

    private static final Logger log = LoggerFactory.getLogger(HazardEscalation.class);

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final EscalationProperties properties;
    private final Clock clock;

    HazardEscalation(JdbcClient jdbc, ApplicationEventPublisher events, AuditTrail audit,
                     EscalationProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(cron = "${anhuan.hazard.escalation.cron:0 5 * * * *}", zone = "Asia/Shanghai")
    void scheduled() {
        run(LocalDate.now(clock));
    }

    /** One pass for the given day; returns how many hazards each rung notified. */
    @Transactional
    public Result run(LocalDate today) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<HazardNotice> reminders = mark("reminded_at", "deadline between :today and :soon", today, now,
                HazardNotice.Kind.DEADLINE_SOON);
        List<HazardNotice> overdue = mark("overdue_notified_at", "deadline < :today", today, now,
                HazardNotice.Kind.OVERDUE);
        List<HazardNotice> escalated = mark("escalated_at", "deadline < :escalate", today, now,
                HazardNotice.Kind.ESCALATED);
        List<HazardNotice> all = new java.util.ArrayList<>(reminders.size() + overdue.size() + escalated.size());
        all.addAll(reminders);
        all.addAll(overdue);
        all.addAll(escalated);
        if (!all.isEmpty()) {
            events.publishEvent(new HazardNotices(all));
        }
        Result result = new Result(reminders.size(), overdue.size(), escalated.size());
        if (result.total() > 0) {
            audit.record("hazard.escalation.run", "hazard-escalation", today, null, null,
                    java.util.Map.of("reminders", result.reminders(), "overdue", result.overdue(),
                            "escalated", result.escalated()));
            log.info("Hazard escalation for {}: {}", today, result);
        }
        return result;
    }

    private List<HazardNotice> mark(String column, String condition, LocalDate today, OffsetDateTime now,
                                    HazardNotice.Kind kind) {
        return jdbc.sql("update hazard.hazard set " + column + " = :now where status in ('ASSIGNED', 'SUBMITTED')"
                        + " and " + column + " is null and " + condition
                        + " returning id, credit_code, region_code, industry_code, level, place")
                .param("now", now).param("today", today).param("soon", today.plusDays(properties.reminderDaysBefore()))
                .param("escalate", today.minusDays(properties.escalateAfterDays()))
                .query((rs, n) -> new HazardNotice(kind, rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)))
                .list();
    }

    /** How many hazards each rung of one pass notified. */
    public record Result(int reminders, int overdue, int escalated) {
        int total() {
            return reminders + overdue + escalated;
        }
    }
}
