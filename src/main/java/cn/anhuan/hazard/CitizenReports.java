package cn.anhuan.hazard;

import static cn.anhuan.shared.Texts.trimToNull;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import cn.anhuan.audit.AuditTrail;
import cn.anhuan.organization.RegionService;
import cn.anhuan.shared.Actor;
import cn.anhuan.shared.BusinessRuleException;
import cn.anhuan.shared.ConflictException;
import cn.anhuan.shared.DataScope;
import cn.anhuan.shared.InvalidInputException.FieldProblem;
import cn.anhuan.shared.InvalidInputException;
import cn.anhuan.shared.NotFoundException;
import cn.anhuan.shared.Versions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hazard reports from citizens (随手拍): anyone may report without login, limited per address so the form cannot
 * flood the system, and follows the outcome with a tracking code. Reports land in the county's triage queue,
 * where a supervisor turns one into a hazard of an enterprise or dismisses it with a reason.
 */
@Service
@Transactional(readOnly = true)
public class CitizenReports {

    static final int MAX_PER_ADDRESS_PER_HOUR = 5;
    /** The most reports the triage queue shows. */
    public static final int QUEUE_LIMIT = 500;
    private static final String CODE_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String STAFF = "hasAnyRole('SYSTEM_ADMIN', 'CITY_SUPERVISOR', 'COUNTY_SUPERVISOR')";

    private final JdbcClient jdbc;
    private final RegionService regions;
    private final HazardService hazards;
    private final AuditTrail audit;
    private final Clock clock;
    private final Map<String, List<Instant>> recent = new ConcurrentHashMap<>();

    CitizenReports(JdbcClient jdbc, RegionService regions, HazardService hazards, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.hazards = hazards;
        this.audit = audit;
        this.clock = clock;
    }

    /** The longest reporter name kept (the database column allows no more). */
    static final int MAX_NAME = 50;

    /** Records a citizen's report and returns its tracking code. */
    @Transactional
    public String submit(String regionCode, String place, String description, String name, String phone,
                         String address) {
        List<FieldProblem> problems = new ArrayList<>();
        var region = regions.find(regionCode == null ? "" : regionCode);
        if (region.isEmpty() || !region.get().kind().countyLevel()) {
            problems.add(new FieldProblem("regionCode", "region.unknown", regionCode));
        }
        if (place == null || place.isBlank() || place.length() > 200) {
            problems.add(new FieldProblem("place", "hazard.citizen.place"));
        }
        if (description == null || description.isBlank() || description.length() > 2000) {
            problems.add(new FieldProblem("description", "hazard.citizen.description"));
        }
        if (name != null && name.trim().length() > MAX_NAME) {
            problems.add(new FieldProblem("reporterName", "hazard.citizen.reporterName", MAX_NAME));
        }
        if (phone != null && !phone.isBlank() && !phone.matches("[0-9+\\- ]{5,20}")) {
            problems.add(new FieldProblem("reporterPhone", "enterprise.phone.invalid"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        throttle(address);
        String code = code();
        long id = jdbc.sql("""
                insert into hazard.citizen_report (tracking_code, region_code, place, description, reporter_name,
                    reporter_phone, status, created_at)
                values (:code, :region, :place, :description, :name, :phone, 'NEW', :now) returning id""")
                .param("code", code).param("region", regionCode).param("place", place.trim())
                .param("description", description.trim()).param("name", trimToNull(name)).param("phone", trimToNull(phone))
                .param("now", now()).query(Long.class).single();
        audit.record("hazard.citizen-report.received", "citizen-report", id, regionCode, null,
                Map.of("trackingCode", code, "place", place.trim()));
        return code;
    }

    /** What a citizen may see of its report. */
    public Optional<CitizenReportView.Tracking> track(String code) {
        return jdbc.sql("select tracking_code, status, outcome_note, created_at from hazard.citizen_report where tracking_code = :c")
                .param("c", code == null ? "" : code.trim().toUpperCase(java.util.Locale.ROOT))
                .query((rs, n) -> new CitizenReportView.Tracking(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant())).optional();
    }

    /** The triage queue of the caller's counties, newest first (at most {@value #QUEUE_LIMIT}). */
    @PreAuthorize(STAFF)
    public List<CitizenReportView> queue(String status) {
        return queued("select *", status, " order by id desc limit " + QUEUE_LIMIT).query(this::map).list();
    }

    /** How many reports {@link #queue} holds with this status (the same conditions, without its limit). */
    @PreAuthorize(STAFF)
    public long count(String status) {
        return queued("select count(*)", status, "").query(Long.class).single();
    }

    private JdbcClient.StatementSpec queued(String select, String status, String tail) {
        DataScope scope = DataScope.current();
        return jdbc.sql(select + """
                 from hazard.citizen_report where (:all or region_code = any(string_to_array(:regions, ',')))
                  and (cast(:status as text) is null or status = :status)""" + tail)
                .param("all", scope.unrestricted()).param("regions", scope.regionList())
                .param("status", status == null || status.isBlank() ? null : status);
    }

    @PreAuthorize(STAFF)
    public CitizenReportView get(long id) {
        DataScope scope = DataScope.current();
        return jdbc.sql("select * from hazard.citizen_report where id = :id").param("id", id).query(this::map)
                .optional().filter(r -> scope.seesRegion(r.regionCode()))
                .orElseThrow(() -> new NotFoundException("citizen-report", id));
    }

    /** Turns a report into a hazard of an enterprise in its county (source: citizen report). */
    @Transactional
    @PreAuthorize(STAFF)
    public HazardView convert(long id, long enterpriseId, String level, String basis, String category, Integer version) {
        CitizenReportView r = open(id);
        HazardView h = hazards.report(new ReportHazard(enterpriseId, r.place(), r.description(),
                category == null ? "OBJECT" : category, level == null ? "GENERAL" : level, basis, "CITIZEN", r.createdAt()));
        close(r, "CONVERTED", h.id(), null, version);
        return h;
    }

    @Transactional
    @PreAuthorize(STAFF)
    public CitizenReportView dismiss(long id, String reason, Integer version) {
        CitizenReportView r = open(id);
        if (reason == null || reason.isBlank()) {
            throw new BusinessRuleException("reason", "hazard.citizen.reason");
        }
        close(r, "DISMISSED", null, reason.trim(), version);
        return get(id);
    }

    private CitizenReportView open(long id) {
        CitizenReportView r = get(id);
        if (!"NEW".equals(r.status())) {
            throw new ConflictException("hazard.citizen.handled", r.trackingCode());
        }
        return r;
    }

    private void close(CitizenReportView r, String status, Long hazardId, String note, Integer version) {
        int n = jdbc.sql("""
                update hazard.citizen_report set status = :status, hazard_id = :h, outcome_note = :note,
                    handled_by = :by, handled_at = :now, version = version + 1
                where id = :id and version = :version""")
                .param("status", status).param("h", hazardId).param("note", note).param("by", Actor.name())
                .param("now", now()).param("id", r.id()).param("version", Versions.required(version))
                .update();
        if (n == 0) {
            throw ConflictException.staleVersion("citizen-report", r.id());
        }
        audit.record("hazard.citizen-report." + status.toLowerCase(java.util.Locale.ROOT), "citizen-report", r.id(),
                r.regionCode(), Map.of("status", "NEW"), Map.of("status", status, "hazardId", String.valueOf(hazardId)));
    }

    private void throttle(String address) {
        String key = address == null ? "unknown" : address;
        Instant now = clock.instant();
        List<Instant> times = recent.compute(key, (k, list) -> {
            List<Instant> kept = new ArrayList<>();
            if (list != null) {
                list.stream().filter(t -> t.isAfter(now.minus(Duration.ofHours(1)))).forEach(kept::add);
            }
            kept.add(now);
            return kept;
        });
        if (times.size() > MAX_PER_ADDRESS_PER_HOUR) {
            throw new BusinessRuleException("description", "hazard.citizen.tooMany", MAX_PER_ADDRESS_PER_HOUR);
        }
    }

    private CitizenReportView map(ResultSet rs, int n) throws SQLException {
        String region = rs.getString("region_code");
        boolean handler = Actor.hasAny(java.util.Set.of("ROLE_COUNTY_SUPERVISOR")) && DataScope.current().seesRegion(region)
                || Actor.hasAny(java.util.Set.of("ROLE_SYSTEM_ADMIN"));
        return new CitizenReportView(rs.getLong("id"), rs.getString("tracking_code"), region, rs.getString("place"),
                rs.getString("description"), handler ? rs.getString("reporter_name") : null,
                handler ? rs.getString("reporter_phone") : null, rs.getString("status"),
                rs.getObject("hazard_id", Long.class), rs.getString("outcome_note"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getInt("version"));
    }

    private static String code() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            sb.append(CODE_CHARS.charAt(RANDOM.nextInt(CODE_CHARS.length())));
        }
        return sb.toString();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
