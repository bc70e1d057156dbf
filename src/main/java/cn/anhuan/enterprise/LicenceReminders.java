package cn.anhuan.enterprise;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import cn.anhuan.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily licence-expiry pass ({@link EnterpriseJobs}): every licence of an enterprise that is not closed and
 * expires within the first rung is at its nearest rung (the fewest days before expiry not below the days left); one
 * set-based INSERT into {@code enterprise.licence_reminder} (keyed by licence, expiry date and rung) keeps the ones
 * not told yet, so a rerun or another instance tells nobody twice, a licence first seen 5 days before expiry gets
 * the 7-day reminder only, and a renewed licence starts afresh. The reminders go out as one {@link LicencesExpiring}
 * event; the pass is audited once with its counts.
 */
@Component
public class LicenceReminders {

    private static final Logger log = LoggerFactory.getLogger(LicenceReminders.class);
    /** Transaction-scoped advisory lock: a concurrent pass (another instance, a test) waits rather than race. */
    static final long LOCK = 0x4c4943454e434553L;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final LicenceReminderProperties properties;
    private final Clock clock;

    LicenceReminders(JdbcClient jdbc, ApplicationEventPublisher events, AuditTrail audit,
                     LicenceReminderProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** One pass for the given day (city time); returns the number of reminders by rung, largest rung first. */
    @Transactional
    public Map<Integer, Integer> run(LocalDate today) {
        return run(today, properties.digestAbove());
    }

    /** One pass with a chosen digest threshold (tests). */
    @Transactional
    Map<Integer, Integer> run(LocalDate today, int digestAbove) {
        jdbc.sql("select 1 from pg_advisory_xact_lock(:key)").param("key", LOCK).query(Integer.class).single();
        List<Integer> rungs = properties.daysBefore().stream().distinct().sorted().toList();
        List<LicencesExpiring.Reminder> due = jdbc.sql("""
                with candidate as materialized (
                    select l.id, l.number, l.expires_on, e.id as enterprise_id, e.name, e.credit_code, e.region_code,
                           e.zone_code,
                           (select min(r) from unnest(cast(:rungs as int[])) r where r >= l.expires_on - :today) as rung
                    from enterprise.licence l join enterprise.enterprise e on e.id = l.enterprise_id
                    where e.status <> 'CLOSED' and l.expires_on <= :horizon),
                marked as (
                    insert into enterprise.licence_reminder (licence_id, expires_on, rung, notified_at)
                    select id, expires_on, rung, :now from candidate where rung is not null
                    on conflict do nothing
                    returning licence_id, rung)
                select c.*, m.rung as marked_rung from marked m join candidate c on c.id = m.licence_id
                order by c.credit_code, c.expires_on, c.id""")
                .param("rungs", rungs.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
                .param("today", today).param("horizon", today.plusDays(rungs.get(rungs.size() - 1)))
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .query((rs, n) -> {
                    LocalDate expires = rs.getObject("expires_on", LocalDate.class);
                    return new LicencesExpiring.Reminder(rs.getLong("id"), rs.getString("number"), expires,
                            rs.getInt("marked_rung"), ChronoUnit.DAYS.between(today, expires),
                            rs.getLong("enterprise_id"), rs.getString("name"), rs.getString("credit_code"),
                            rs.getString("region_code"), rs.getString("zone_code"));
                })
                .list();
        if (due.isEmpty()) {
            return Collections.emptyMap();
        }
        Map<Integer, Integer> byRung = new TreeMap<>(Collections.reverseOrder());
        due.forEach(r -> byRung.merge(r.daysBefore(), 1, Integer::sum));
        events.publishEvent(new LicencesExpiring(due, digestAbove));
        Map<String, Integer> counts = new TreeMap<>();
        byRung.forEach((rung, n) -> counts.put("daysBefore" + rung, n));
        counts.put("total", due.size());
        audit.record("enterprise.licence.reminders.run", "licence-reminders", today, null, null, counts);
        log.info("Licence reminders for {}: {}", today, counts);
        return byRung;
    }
}
