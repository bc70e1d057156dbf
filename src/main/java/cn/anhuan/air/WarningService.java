package cn.anhuan.air;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.anhuan.audit.AuditTrail;
import cn.anhuan.shared.Actor;
import cn.anhuan.shared.BusinessRuleException;
import cn.anhuan.shared.ConflictException;
import cn.anhuan.shared.NotFoundException;
import cn.anhuan.shared.Versions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forecasts, the proposed warning level, and the warning itself: issue, raise, lower, lift, each recorded with
 * its reason and audited. At most one warning is active. Changes are for city-level staff.
 */
@Service
@Transactional(readOnly = true)
public class WarningService {

    static final int FORECAST_DAYS = 7;
    private static final String CITY_STAFF = "hasAnyRole('SYSTEM_ADMIN', 'CITY_SUPERVISOR')";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final AirProperties properties;
    private final ReductionList reductionList;
    private final ApplicationEventPublisher events;

    WarningService(JdbcClient jdbc, AuditTrail audit, Clock clock, AirProperties properties,
                   ReductionList reductionList, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.properties = properties;
        this.reductionList = reductionList;
        this.events = events;
    }

    /** Forecast daily AQI from today on, one entry per day (null where none was entered). */
    public List<Integer> forecast(LocalDate from, int days) {
        Map<LocalDate, Integer> stored = new LinkedHashMap<>();
        jdbc.sql("select day, aqi from air.forecast where day >= :from and day < :to")
                .param("from", from).param("to", from.plusDays(days))
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs ->
                        stored.put(rs.getObject(1, LocalDate.class), rs.getInt(2)));
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            list.add(stored.get(from.plusDays(i)));
        }
        return list;
    }

    /** Enters or replaces forecasts, day by day from {@code from}; a null entry removes that day's forecast. */
    @Transactional
    @PreAuthorize(CITY_STAFF)
    public void saveForecast(LocalDate from, List<Integer> aqi) {
        if (aqi.size() > 31) {
            throw new BusinessRuleException("aqi", "air.forecast.tooMany");
        }
        List<Integer> before = forecast(from, aqi.size());
        for (int i = 0; i < aqi.size(); i++) {
            Integer v = aqi.get(i);
            if (v != null && (v < 0 || v > 500)) {
                throw new BusinessRuleException("aqi[" + i + "]", "air.forecast.range", v);
            }
            LocalDate day = from.plusDays(i);
            if (v == null) {
                jdbc.sql("delete from air.forecast where day = :d").param("d", day).update();
            } else {
                jdbc.sql("""
                        insert into air.forecast (day, aqi, updated_at, updated_by) values (:d, :a, :t, :u)
                        on conflict (day) do update set aqi = excluded.aqi, updated_at = excluded.updated_at,
                            updated_by = excluded.updated_by""")
                        .param("d", day).param("a", v).param("t", now()).param("u", user()).update();
            }
        }
        audit.record("air.forecast.saved", "air-forecast", from, null, Map.of("aqi", String.valueOf(before)),
                Map.of("aqi", String.valueOf(aqi)));
    }

    public Proposal proposal() {
        LocalDate today = LocalDate.now(clock);
        List<Integer> forecast = forecast(today, FORECAST_DAYS);
        WarningScheme scheme = WarningScheme.ofCode(properties.warningScheme());
        WarningScheme other = scheme == WarningScheme.S2018 ? WarningScheme.S2017 : WarningScheme.S2018;
        return new Proposal(scheme.code(), scheme.propose(forecast, properties.mergeGapDays()),
                other.propose(forecast, properties.mergeGapDays()), WarningScheme.liftingAllowed(forecast), today,
                forecast);
    }

    public Optional<WarningView> active() {
        return jdbc.sql("select id from air.warning where status = 'ACTIVE'").query(Long.class).optional()
                .map(this::get);
    }

    public List<WarningView> recent(int limit) {
        return jdbc.sql("select id from air.warning order by id desc limit :n").param("n", limit)
                .query(Long.class).list().stream().map(this::get).toList();
    }

    public WarningView get(long id) {
        List<WarningView.Change> changes = jdbc.sql("""
                select action, from_level, to_level, reason, reason_key, at, by_user from air.warning_change
                where warning_id = :id order by id""").param("id", id)
                .query((rs, n) -> new WarningView.Change(rs.getString(1), level(rs, 2), level(rs, 3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getString(7)))
                .list();
        return jdbc.sql("select * from air.warning where id = :id").param("id", id)
                .query((rs, n) -> new WarningView(rs.getLong("id"), rs.getString("scheme"),
                        WarningLevel.valueOf(rs.getString("level")), rs.getString("status"),
                        rs.getString("document_no"), rs.getString("reason"), instant(rs, "starts_at"),
                        instant(rs, "ends_at"), instant(rs, "issued_at"), rs.getString("issued_by"),
                        instant(rs, "lifted_at"), rs.getString("forecast"), rs.getInt("version"), changes))
                .optional().orElseThrow(() -> new NotFoundException("warning", id));
    }

    @Transactional
    @PreAuthorize(CITY_STAFF)
    public WarningView issue(WarningCommand c) {
        if (active().isPresent()) {
            throw new BusinessRuleException("level", "air.warning.alreadyActive");
        }
        WarningScheme scheme = c.scheme() == null || c.scheme().isBlank()
                ? WarningScheme.ofCode(properties.warningScheme()) : scheme(c.scheme());
        if (scheme == WarningScheme.S2018 && c.level() == WarningLevel.BLUE) {
            throw new BusinessRuleException("level", "air.warning.noBlueIn2018");
        }
        if (c.documentNo() == null || c.documentNo().isBlank()) {
            throw new BusinessRuleException("documentNo", "air.warning.documentRequired");
        }
        Instant starts = c.startsAt() == null ? clock.instant() : c.startsAt();
        long id = jdbc.sql("""
                insert into air.warning (scheme, level, status, document_no, reason, starts_at, ends_at, issued_at,
                                         issued_by, forecast)
                values (:scheme, :level, 'ACTIVE', :doc, :reason, :starts, :ends, :now, :user, :forecast)
                returning id""")
                .param("scheme", scheme.code()).param("level", c.level().name()).param("doc", c.documentNo().trim())
                .param("reason", c.reason().trim()).param("starts", utc(starts)).param("ends", utc(c.endsAt()))
                .param("now", now()).param("user", user())
                .param("forecast", String.valueOf(forecast(LocalDate.now(clock), FORECAST_DAYS)))
                .query(Long.class).single();
        change(id, "ISSUED", null, c.level(), c.reason());
        audit.record("air.warning.issued", "air-warning", id, null, null,
                Map.of("level", c.level().name(), "scheme", scheme.code(), "documentNo", c.documentNo().trim()));
        return announce(get(id), WarningChanged.Action.ISSUED, null);
    }

    /** Raises or lowers the active warning's level; the same level is refused. */
    @Transactional
    @PreAuthorize(CITY_STAFF)
    public WarningView changeLevel(long id, WarningCommand c) {
        WarningView w = activeOne(id);
        if (c.level() == w.level()) {
            throw new BusinessRuleException("level", "air.warning.sameLevel");
        }
        if (WarningScheme.ofCode(w.scheme()) == WarningScheme.S2018 && c.level() == WarningLevel.BLUE) {
            throw new BusinessRuleException("level", "air.warning.noBlueIn2018");
        }
        update(w, "level = :level", c.version(), Map.of("level", c.level().name()));
        String action = c.level().above(w.level()) ? "RAISED" : "LOWERED";
        change(id, action, w.level(), c.level(), c.reason());
        audit.record("air.warning." + action.toLowerCase(java.util.Locale.ROOT), "air-warning", id, null,
                Map.of("level", w.level().name()), Map.of("level", c.level().name(), "reason", c.reason()));
        return announce(get(id), WarningChanged.Action.valueOf(action), w.level());
    }

    /** Lifts the active warning with a reason (the page shows whether the forecast rule allows it). */
    @Transactional
    @PreAuthorize(CITY_STAFF)
    public WarningView lift(long id, String reason, Integer version) {
        return lift(id, reason, null, version);
    }

    /**
     * The one lift path, for a person ({@link #lift(long, String, Integer)}) and for {@link WarningExpiry} (as the
     * system actor, reason given as a message key too so that pages show it in their language).
     */
    @Transactional
    WarningView lift(long id, String reason, String reasonKey, Integer version) {
        WarningView w = activeOne(id);
        if (reason == null || reason.isBlank()) {
            throw new BusinessRuleException("reason", "air.warning.reasonRequired");
        }
        update(w, "status = 'LIFTED', lifted_at = :now, ends_at = coalesce(ends_at, :now)", version,
                Map.of("now", now()));
        change(id, "LIFTED", w.level(), null, reason, reasonKey);
        audit.record("air.warning.lifted", "air-warning", id, null, Map.of("status", "ACTIVE"),
                Map.of("status", "LIFTED", "reason", reason));
        return announce(get(id), WarningChanged.Action.LIFTED, w.level());
    }

    /** Tells the other modules (notification) inside this transaction, with the reduction list at the level. */
    private WarningView announce(WarningView w, WarningChanged.Action action, WarningLevel previous) {
        events.publishEvent(new WarningChanged(w.id(), action, w.level(), previous, w.documentNo(), w.startsAt(),
                w.endsAt(), reductionList.linesAt(w.level())));
        return w;
    }

    private WarningView activeOne(long id) {
        WarningView w = get(id);
        if (!"ACTIVE".equals(w.status())) {
            throw new BusinessRuleException("status", "air.warning.notActive");
        }
        return w;
    }

    private void update(WarningView w, String set, Integer version, Map<String, Object> params) {
        var spec = jdbc.sql("update air.warning set " + set + ", version = version + 1 where id = :id and version = :v")
                .param("id", w.id()).param("v", Versions.required(version));
        for (var p : params.entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        if (spec.update() == 0) {
            throw ConflictException.staleVersion("warning", w.id());
        }
    }

    private void change(long id, String action, WarningLevel from, WarningLevel to, String reason) {
        change(id, action, from, to, reason, null);
    }

    private void change(long id, String action, WarningLevel from, WarningLevel to, String reason, String reasonKey) {
        jdbc.sql("""
                insert into air.warning_change (warning_id, action, from_level, to_level, reason, reason_key, at, by_user)
                values (:id, :action, :from, :to, :reason, :key, :at, :user)""")
                .param("key", reasonKey)
                .param("id", id).param("action", action).param("from", from == null ? null : from.name())
                .param("to", to == null ? null : to.name()).param("reason", reason).param("at", now())
                .param("user", user()).update();
    }

    private static WarningScheme scheme(String code) {
        try {
            return WarningScheme.ofCode(code);
        } catch (IllegalArgumentException e) {
            throw new BusinessRuleException("scheme", "air.warning.scheme", code);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static OffsetDateTime utc(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static String user() {
        return Actor.name();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static WarningLevel level(ResultSet rs, int column) throws SQLException {
        String s = rs.getString(column);
        return s == null ? null : WarningLevel.valueOf(s);
    }
}
