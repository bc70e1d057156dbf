package cn.anhuan.hazard;

import static cn.anhuan.shared.Texts.trimToNull;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.anhuan.audit.AuditTrail;
import cn.anhuan.enterprise.EnterpriseService;
import cn.anhuan.enterprise.EnterpriseView;
import cn.anhuan.shared.Actor;
import cn.anhuan.shared.ConflictException;
import cn.anhuan.shared.InvalidInputException.FieldProblem;
import cn.anhuan.shared.InvalidInputException;
import cn.anhuan.shared.NotFoundException;
import cn.anhuan.shared.ScopeSql;
import cn.anhuan.shared.Versions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hazard closed loop. Only legal transitions happen (see {@link HazardStatus}); a major hazard needs the
 * 五到位 plan and is accepted only by the government; an enterprise closes only its own self-found ordinary
 * hazards. Every step is stored in the timeline and audited; two users acting at once: one wins, the other
 * gets 409.
 */
@Service
@Transactional(readOnly = true)
public class HazardService {

    static final String ACTORS = "hasAnyRole('SYSTEM_ADMIN', 'CITY_SUPERVISOR', 'DEPARTMENT_SUPERVISOR', "
            + "'COUNTY_SUPERVISOR', 'INSPECTOR', 'ENTERPRISE_OFFICER')";
    private static final Set<String> GOVERNMENT = Set.of("ROLE_SYSTEM_ADMIN", "ROLE_CITY_SUPERVISOR",
            "ROLE_DEPARTMENT_SUPERVISOR", "ROLE_COUNTY_SUPERVISOR", "ROLE_INSPECTOR");

    private final JdbcClient jdbc;
    private final EnterpriseService enterprises;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    HazardService(JdbcClient jdbc, EnterpriseService enterprises, AuditTrail audit, Clock clock,
                  ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.enterprises = enterprises;
        this.audit = audit;
        this.clock = clock;
    }

    /** Open, overdue and open major hazards in the caller's scope. */
    public Map<String, Long> counts() {
        return ScopeSql.bind(jdbc.sql("""
                select count(*) filter (where status <> 'CLOSED') as open,
                       count(*) filter (where status in ('ASSIGNED', 'SUBMITTED') and deadline < :today) as overdue,
                       count(*) filter (where status <> 'CLOSED' and level = 'MAJOR') as major
                from hazard.hazard where status <> 'CLOSED' and """ + ScopeSql.enterprise(""))).param("today", today())
                .query((rs, n) -> Map.of("open", rs.getLong("open"), "overdue", rs.getLong("overdue"),
                        "major", rs.getLong("major"))).single();
    }

    public HazardView get(long id) {
        HazardView found = ScopeSql.bind(jdbc.sql("select " + HazardList.COLUMNS + " from hazard.hazard where id = :id and "
                        + ScopeSql.enterprise(""))).param("id", id)
                .query((rs, n) -> HazardList.map(rs, today())).optional()
                .orElseThrow(() -> new NotFoundException("hazard", id));
        List<HazardView.Step> timeline = jdbc.sql("""
                select action, from_status, to_status, note, actor, at from hazard.step where hazard_id = :id order by id""")
                .param("id", id)
                .query((rs, n) -> new HazardView.Step(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant())).list();
        HazardView.Extension open = jdbc.sql("""
                select id, requested_deadline, reason, requested_by from hazard.extension
                where hazard_id = :id and status = 'REQUESTED'""").param("id", id)
                .query((rs, n) -> new HazardView.Extension(rs.getLong(1), rs.getObject(2, LocalDate.class),
                        rs.getString(3), rs.getString(4))).optional().orElse(null);
        return found.with(timeline, open);
    }

    @Transactional
    @PreAuthorize(ACTORS)
    public HazardView report(ReportHazard r) {
        EnterpriseView e = enterprises.referenced("enterpriseId", r.enterpriseId());
        List<FieldProblem> problems = new ArrayList<>();
        if ("MAJOR".equals(r.level()) && (r.basis() == null || r.basis().isBlank())) {
            problems.add(new FieldProblem("basis", "hazard.basis.required"));
        }
        if (!government() && !"SELF".equals(r.source())) {
            problems.add(new FieldProblem("source", "hazard.source.enterpriseSelf"));
        }
        Instant found = r.foundAt() == null ? clock.instant() : r.foundAt();
        if (found.isAfter(clock.instant())) {
            problems.add(new FieldProblem("foundAt", "hazard.foundAt.future"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        OffsetDateTime now = now();
        long id = jdbc.sql("""
                insert into hazard.hazard (enterprise_id, credit_code, region_code, zone_code, industry_code, place,
                    description, category, level, basis, source, found_by, found_at, status, created_at, updated_at)
                values (:e, :code, :region, :zone, :industry, :place, :description, :category, :level, :basis, :source,
                    :by, :found, 'REPORTED', :now, :now) returning id""")
                .param("e", e.id()).param("code", e.creditCode()).param("region", e.regionCode())
                .param("zone", e.zoneCode()).param("industry", e.industryCode()).param("place", r.place().trim())
                .param("description", r.description().trim()).param("category", r.category()).param("level", r.level())
                .param("basis", trimToNull(r.basis())).param("source", r.source()).param("by", user())
                .param("found", OffsetDateTime.ofInstant(found, ZoneOffset.UTC)).param("now", now)
                .query(Long.class).single();
        step(id, "REPORT", null, HazardStatus.REPORTED, r.description().trim(), now);
        events.publishEvent(new HazardNotice(HazardNotice.Kind.REPORTED, id, e.creditCode(), e.regionCode(),
                e.industryCode(), r.level(), r.place().trim()));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("enterprise", e.creditCode());
        fields.put("level", r.level());
        fields.put("source", r.source());
        fields.put("place", r.place().trim());
        audit.record("hazard.reported", "hazard", id, e.regionCode(), null, fields);
        return get(id);
    }

    /** Whether the caller may take an action on a hazard now (for showing the right buttons). */
    public boolean mayAct(HazardView h, HazardAction action) {
        return h.status().allows(action) && roleAllows(h, action)
                && (action != HazardAction.DECIDE_EXTENSION || h.openExtension() != null)
                && (action != HazardAction.REQUEST_EXTENSION || h.openExtension() == null);
    }

    @Transactional
    @PreAuthorize(ACTORS)
    public HazardView act(long id, HazardAction action, HazardActionCommand c) {
        HazardView h = get(id);
        if (!h.status().allows(action)) {
            throw new ConflictException("hazard.transition.illegal", h.status().name(), action.path());
        }
        if (!roleAllows(h, action)) {
            throw new AccessDeniedException("hazard." + action.path());
        }
        int version = Versions.required(c.version());
        List<FieldProblem> problems = new ArrayList<>();
        String note = trimToNull(c.note());
        OffsetDateTime now = now();
        String set;
        Map<String, Object> params = new LinkedHashMap<>();
        switch (action) {
            case ASSIGN -> {
                require(problems, "responsiblePerson", c.responsiblePerson());
                require(problems, "measures", c.measures());
                if (c.deadline() == null || c.deadline().isBefore(today())) {
                    problems.add(new FieldProblem("deadline", "hazard.deadline.past"));
                }
                if ("MAJOR".equals(h.level())) {
                    if (c.funds() == null || c.funds().signum() < 0) {
                        problems.add(new FieldProblem("funds", "hazard.major.funds"));
                    }
                    require(problems, "contingencyPlan", c.contingencyPlan());
                }
                set = "responsible_person = :person, measures = :measures, deadline = :deadline, funds = :funds, "
                        + "contingency_plan = :plan";
                params.put("person", trimToNull(c.responsiblePerson()));
                params.put("measures", trimToNull(c.measures()));
                params.put("deadline", c.deadline());
                params.put("funds", c.funds());
                params.put("plan", trimToNull(c.contingencyPlan()));
                note = trimToNull(c.measures());
            }
            case RECTIFY_ON_THE_SPOT -> {
                if ("MAJOR".equals(h.level())) {
                    problems.add(new FieldProblem("level", "hazard.major.noSpotRectification"));
                }
                require(problems, "note", note);
                set = "rectification_note = :note, closed_at = :now, closed_by = :by";
            }
            case SUBMIT -> {
                require(problems, "note", note);
                set = "rectification_note = :note";
            }
            case ACCEPT -> set = "closed_at = :now, closed_by = :by";
            case REJECT -> {
                require(problems, "note", note);
                set = "rejections = rejections + 1";
            }
            case REQUEST_EXTENSION -> {
                if (h.openExtension() != null) {
                    problems.add(new FieldProblem("deadline", "hazard.extension.open"));
                }
                if (c.deadline() == null || h.deadline() == null || !c.deadline().isAfter(h.deadline())) {
                    problems.add(new FieldProblem("deadline", "hazard.extension.later"));
                }
                require(problems, "note", note);
                set = null;
            }
            case DECIDE_EXTENSION -> {
                if (h.openExtension() == null) {
                    problems.add(new FieldProblem("approve", "hazard.extension.none"));
                }
                if (c.approve() == null) {
                    problems.add(new FieldProblem("approve", "hazard.extension.decision"));
                }
                set = Boolean.TRUE.equals(c.approve()) && h.openExtension() != null
                        ? "deadline = :deadline"
                        : null;
                if (set != null) {
                    params.put("deadline", h.openExtension().requestedDeadline());
                }
            }
            default -> throw new IllegalStateException(action.name());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        params.put("note", note);
        params.put("now", now);
        params.put("by", user());
        String sql = "update hazard.hazard set status = :status, updated_at = :now, version = version + 1"
                + (set == null ? "" : ", " + set) + " where id = :id and version = :version";
        var spec = jdbc.sql(sql).param("status", action.target().name()).param("id", id).param("version", version);
        for (var p : params.entrySet()) {
            if (sql.contains(":" + p.getKey())) {
                spec = spec.param(p.getKey(), p.getValue());
            }
        }
        if (spec.update() == 0) {
            throw ConflictException.staleVersion("hazard", id);
        }
        extension(h, action, c, note, now);
        step(id, action.name(), h.status(), action.target(), note, now);
        HazardNotice.Kind kind = switch (action) {
            case ASSIGN -> HazardNotice.Kind.ASSIGNED;
            case SUBMIT -> HazardNotice.Kind.SUBMITTED;
            case REJECT -> HazardNotice.Kind.REJECTED;
            case ACCEPT, RECTIFY_ON_THE_SPOT -> HazardNotice.Kind.CLOSED;
            default -> null;
        };
        if (kind != null) {
            events.publishEvent(new HazardNotice(kind, id, h.creditCode(), h.regionCode(), h.industryCode(), h.level(),
                    h.place()));
        }
        audit.record("hazard." + action.path(), "hazard", id, h.regionCode(),
                Map.of("status", h.status().name(), "version", h.version()),
                Map.of("status", action.target().name(), "note", note == null ? "" : note));
        return get(id);
    }

    private void extension(HazardView h, HazardAction action, HazardActionCommand c, String note, OffsetDateTime now) {
        if (action == HazardAction.REQUEST_EXTENSION) {
            jdbc.sql("""
                    insert into hazard.extension (hazard_id, requested_deadline, reason, status, requested_by, requested_at)
                    values (:h, :d, :reason, 'REQUESTED', :by, :now)""")
                    .param("h", h.id()).param("d", c.deadline()).param("reason", note).param("by", user())
                    .param("now", now).update();
        } else if (action == HazardAction.DECIDE_EXTENSION) {
            jdbc.sql("""
                    update hazard.extension set status = :status, decided_by = :by, decided_at = :now, decision_note = :note
                    where id = :id and status = 'REQUESTED'""")
                    .param("status", Boolean.TRUE.equals(c.approve()) ? "APPROVED" : "REFUSED").param("by", user())
                    .param("now", now).param("note", note).param("id", h.openExtension().id()).update();
        }
    }

    private boolean roleAllows(HazardView h, HazardAction action) {
        if (hasRole("ROLE_CITY_LEADER")) {
            return false;
        }
        boolean government = government();
        return switch (action) {
            case ACCEPT, REJECT -> government || ("GENERAL".equals(h.level()) && "SELF".equals(h.source()));
            case DECIDE_EXTENSION -> government;
            default -> true;
        };
    }

    /** Appends a step to a hazard's timeline (also used by listing). */
    void step(long id, String action, HazardStatus from, HazardStatus to, String note, OffsetDateTime at) {
        jdbc.sql("""
                insert into hazard.step (hazard_id, action, from_status, to_status, note, actor, at)
                values (:h, :action, :from, :to, :note, :actor, :at)""")
                .param("h", id).param("action", action).param("from", from == null ? null : from.name())
                .param("to", to.name()).param("note", note).param("actor", user()).param("at", at).update();
    }

    private static void require(List<FieldProblem> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "hazard.field.required", field));
        }
    }

    /** Whether the caller acts for the government (records hazards from any source, not only its own check). */
    public boolean actsForGovernment() {
        return government();
    }

    private static boolean government() {
        return Actor.hasAny(GOVERNMENT);
    }

    private static boolean hasRole(String role) {
        return Actor.hasAny(Set.of(role));
    }

    private static String user() {
        return Actor.name();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
