package cn.anhuan.monitoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.anhuan.audit.AuditTrail;
import cn.anhuan.hazard.HazardService;
import cn.anhuan.hazard.HazardView;
import cn.anhuan.hazard.ReportHazard;
import cn.anhuan.shared.Actor;
import cn.anhuan.shared.BusinessRuleException;
import cn.anhuan.shared.ConflictException;
import cn.anhuan.shared.NotFoundException;
import cn.anhuan.shared.ScopeSql;
import cn.anhuan.shared.Versions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alarms in the caller's scope and their lifecycle: acknowledge (someone is on it), close with a note, and open a
 * hazard at the enterprise from an alarm (government users). Every change is audited and version-checked.
 */
@Service
@Transactional(readOnly = true)
public class AlarmService {

    static final String HANDLERS = "hasAnyRole('SYSTEM_ADMIN', 'CITY_SUPERVISOR', 'DEPARTMENT_SUPERVISOR', "
            + "'COUNTY_SUPERVISOR', 'INSPECTOR', 'ENTERPRISE_OFFICER')";
    static final String GOVERNMENT = "hasAnyRole('SYSTEM_ADMIN', 'CITY_SUPERVISOR', 'DEPARTMENT_SUPERVISOR', "
            + "'COUNTY_SUPERVISOR', 'INSPECTOR')";
    private static final String SELECT = """
            select a.*, d.mn, d.name as device_name from monitoring.alarm a
            join monitoring.device d on d.id = a.device_id
            """;

    /** The list's filters after the scope (each optional). */
    private static final String FILTER = """
              %s
              and (cast(:status as text) is null or a.status = :status)
              and (cast(:kind as text) is null or a.kind = :kind)
              and (cast(:device as bigint) is null or a.device_id = :device)
            """;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final HazardService hazards;
    private final Clock clock;

    AlarmService(JdbcClient jdbc, AuditTrail audit, HazardService hazards, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.hazards = hazards;
        this.clock = clock;
    }

    /** Alarms in scope, newest first; filters optional; keyset by id. */
    public List<AlarmView> list(String status, String kind, Long deviceId, Long beforeId, int limit) {
        return ScopeSql.bind(jdbc.sql(SELECT + "where " + filter() + """
                  and (cast(:before as bigint) is null or a.id < :before)
                order by a.id desc limit :limit""")).param("status", status).param("kind", kind)
                .param("device", deviceId).param("before", beforeId).param("limit", Math.min(Math.max(limit, 1), 500))
                .query(AlarmService::map).list();
    }

    /** How many alarms {@link #list} holds with these filters (all pages): the same conditions. */
    public long count(String status, String kind, Long deviceId) {
        return ScopeSql.bind(jdbc.sql(SELECT.replace("a.*, d.mn, d.name as device_name", "count(*)") + "where "
                        + filter())).param("status", status).param("kind", kind).param("device", deviceId)
                .query(Long.class).single();
    }

    private static String filter() {
        return FILTER.formatted(ScopeSql.enterprise("a."));
    }

    public long countActive() {
        return ScopeSql.bind(jdbc.sql("select count(*) from monitoring.alarm a where a.status <> 'CLOSED' and "
                + ScopeSql.enterprise("a."))).query(Long.class).single();
    }

    public AlarmView get(long id) {
        return ScopeSql.bind(jdbc.sql(SELECT + "where a.id = :id and " + ScopeSql.enterprise("a.")))
                .param("id", id).query(AlarmService::map).optional()
                .orElseThrow(() -> new NotFoundException("alarm", id));
    }

    @Transactional
    @PreAuthorize(HANDLERS)
    public AlarmView acknowledge(long id, String note, Integer version) {
        AlarmView a = get(id);
        if (!"OPEN".equals(a.status())) {
            throw ConflictException.staleVersion("alarm", id);
        }
        return change(a, "ACKNOWLEDGED", "ack_by = :by, ack_at = :now, ack_note = :note", note, version,
                "monitoring.alarm.acknowledged");
    }

    @Transactional
    @PreAuthorize(HANDLERS)
    public AlarmView close(long id, String note, Integer version) {
        AlarmView a = get(id);
        if ("CLOSED".equals(a.status())) {
            throw ConflictException.staleVersion("alarm", id);
        }
        if (note == null || note.isBlank()) {
            throw new BusinessRuleException("note", "monitoring.alarm.noteRequired");
        }
        return change(a, "CLOSED", "closed_by = :by, closed_at = :now, close_note = :note", note, version,
                "monitoring.alarm.closed");
    }

    /** Opens a hazard at the alarm's enterprise (a government finding), linked to the alarm. */
    @Transactional
    @PreAuthorize(GOVERNMENT)
    public HazardView openHazard(long id, String description, String level, String basis) {
        AlarmView a = get(id);
        if (a.hazardId() != null) {
            throw new BusinessRuleException("hazard", "monitoring.alarm.hazardExists", a.hazardId());
        }
        Long enterpriseId = jdbc.sql("select enterprise_id from monitoring.device where id = :d")
                .param("d", a.deviceId()).query(Long.class).optional().orElse(null);
        if (enterpriseId == null) {
            throw new BusinessRuleException("hazard", "monitoring.alarm.noEnterprise");
        }
        String text = description == null || description.isBlank()
                ? "在线监控报警 #" + a.id() + "：" + a.kind() + " " + a.pollutant() + "（" + a.mn() + "）"
                : description.trim();
        HazardView h = hazards.report(new ReportHazard(enterpriseId, a.deviceName(), text, "OBJECT",
                level == null ? "GENERAL" : level, basis, "GOVERNMENT", a.firstAt()));
        jdbc.sql("update monitoring.alarm set hazard_id = :h, version = version + 1 where id = :id")
                .param("h", h.id()).param("id", id).update();
        audit.record("monitoring.alarm.hazardOpened", "alarm", id, a.regionCode(), null, Map.of("hazardId", h.id()));
        return h;
    }

    private AlarmView change(AlarmView a, String status, String set, String note, Integer version, String action) {
        int n = jdbc.sql("update monitoring.alarm set status = :status, " + set + """
                , version = version + 1 where id = :id and version = :version""")
                .param("status", status).param("by", Actor.name())
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .param("note", note == null || note.isBlank() ? null : note.trim()).param("id", a.id())
                .param("version", Versions.required(version)).update();
        if (n == 0) {
            throw ConflictException.staleVersion("alarm", a.id());
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", status);
        after.put("note", note);
        audit.record(action, "alarm", a.id(), a.regionCode(), Map.of("status", a.status()), after);
        return get(a.id());
    }

    static AlarmView map(ResultSet rs, int n) throws SQLException {
        return new AlarmView(rs.getLong("id"), rs.getLong("device_id"), rs.getString("mn"), rs.getString("device_name"),
                rs.getString("kind"), rs.getString("pollutant"), rs.getString("credit_code"),
                rs.getString("region_code"), rs.getString("status"), instant(rs, "first_at"), instant(rs, "last_at"),
                rs.getInt("occurrences"), (Double) rs.getObject("value"), rs.getBigDecimal("limit_value"),
                rs.getString("flag"), rs.getString("ack_by"), instant(rs, "ack_at"), rs.getString("ack_note"),
                rs.getString("closed_by"), instant(rs, "closed_at"), rs.getString("close_note"),
                (Long) rs.getObject("hazard_id"), rs.getInt("version"));
    }

    private static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
