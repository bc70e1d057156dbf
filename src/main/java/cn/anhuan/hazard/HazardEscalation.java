package cn.anhuan.hazard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import cn.anhuan.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The overdue-escalation ladder, run on a schedule ({@link HazardJobs}): a reminder N days before the deadline, an overdue notice
 * on the day after it, an escalation to the city M days later. Each rung is one set-based INSERT into
 * {@code hazard.escalation_notice} (keyed by hazard, rung and deadline) of the hazards it notifies, so running it
 * twice notifies nobody twice, and an extended deadline starts its own ladder.
 */
@Component
public class HazardEscalation {

    private static final Logger log = LoggerFactory.getLogger(HazardEscalation.class);
    /**
     * Transaction-scoped advisory lock: with several instances, one runs the pass and the others skip it (the
     * notices' primary key would keep a concurrent pass from notifying twice anyway; this saves the work).
     */
    static final long LOCK = 0x48415a4152444553L;
    /** Memory for the pass's joins and sorts, for its transaction only. */
    static final String WORK_MEM = "64MB";

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

    /**
     * One pass for the given day; returns how many hazards each rung notified. Called through the Spring proxy
     * (the scheduled job is {@link HazardJobs}), so the pass has its transaction: the advisory lock and
     * {@code SET LOCAL} hold for it, and the audit entry is written with it.
     */
    @Transactional
    public Result run(LocalDate today) {
        return run(today, properties.digestAbove());
    }

    /** One pass with a chosen digest threshold (tests). */
    @Transactional
    Result run(LocalDate today, int digestAbove) {
        if (!Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(:key)").param("key", LOCK)
                .query(Boolean.class).single())) {
            log.info("Hazard escalation for {} skipped: another instance is running it", today);
            return new Result(0, 0, 0);
        }
        // Each rung joins and sorts its notified hazards (a quarter of a million at city scale): with the default
        // 4 MB they spilled to disk in batches; this pass's transaction alone gets more.
        jdbc.sql("set local work_mem = '" + WORK_MEM + "'").update();
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        long t0 = System.nanoTime();
        List<HazardNotices.Group> reminders = mark(HazardNotice.Kind.DEADLINE_SOON, "deadline between :today and :soon",
                today, now, digestAbove);
        List<HazardNotices.Group> overdue = mark(HazardNotice.Kind.OVERDUE, "deadline < :today", today, now,
                digestAbove);
        List<HazardNotices.Group> escalated = mark(HazardNotice.Kind.ESCALATED, "deadline < :escalate", today, now,
                digestAbove);
        List<HazardNotices.Group> all = new ArrayList<>(reminders.size() + overdue.size() + escalated.size());
        all.addAll(reminders);
        all.addAll(overdue);
        all.addAll(escalated);
        long t1 = System.nanoTime();
        if (!all.isEmpty()) {
            events.publishEvent(new HazardNotices(all, digestAbove));
        }
        long t2 = System.nanoTime();
        Result result = new Result(count(reminders), count(overdue), count(escalated));
        if (result.total() > 0) {
            audit.record("hazard.escalation.run", "hazard-escalation", today, null, null,
                    java.util.Map.of("reminders", result.reminders(), "overdue", result.overdue(),
                            "escalated", result.escalated()));
            log.info("Hazard escalation for {}: {}; marking {} ms, notifications {} ms", today, result,
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
        }
        return result;
    }

    /**
     * One rung: records a notice for every open hazard the condition selects that has none of this kind for its
     * current deadline, and returns them grouped by the people they concern (first ids kept for each group).
     * "Has none" is the primary key's conflict check, not a NOT EXISTS: within the pass the table has just grown
     * by the previous rung's rows, which its statistics do not know, and the planner chose a nested-loop anti
     * join over a sequential scan (minutes instead of seconds at city scale).
     */
    private List<HazardNotices.Group> mark(HazardNotice.Kind kind, String condition, LocalDate today,
                                           OffsetDateTime now, int digestAbove) {
        return jdbc.sql("""
                with candidate as materialized (
                    select h.id, h.deadline, h.credit_code, h.region_code, h.industry_code, h.level, h.place
                    from hazard.hazard h where h.status in ('ASSIGNED', 'SUBMITTED') and h.%s),
                marked as (
                    insert into hazard.escalation_notice (hazard_id, kind, deadline, notified_at)
                    select id, :kind, deadline, :now from candidate
                    on conflict do nothing
                    returning hazard_id)
                select c.credit_code, c.region_code, c.industry_code, c.level, count(*) as n,
                       (array_agg(c.id order by c.id))[1 : :keep] as ids,
                       (array_agg(c.place order by c.id))[1 : :keep] as places
                from marked m join candidate c on c.id = m.hazard_id
                group by c.credit_code, c.region_code, c.industry_code, c.level""".formatted(condition))
                .param("kind", kind.name()).param("now", now).param("today", today)
                .param("soon", today.plusDays(properties.reminderDaysBefore()))
                .param("escalate", today.minusDays(properties.escalateAfterDays()))
                .param("keep", digestAbove + 1)
                .query((rs, n) -> new HazardNotices.Group(kind, rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5), List.of((Long[]) rs.getArray(6).getArray()),
                        List.of((String[]) rs.getArray(7).getArray())))
                .list();
    }

    private static int count(List<HazardNotices.Group> groups) {
        return groups.stream().mapToInt(HazardNotices.Group::count).sum();
    }

    /** How many hazards each rung of one pass notified. */
    public record Result(int reminders, int overdue, int escalated) {
        int total() {
            return reminders + overdue + escalated;
        }
    }
}
