package cn.anhuan.monitoring;

import static cn.anhuan.shared.Texts.trimToNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.anhuan.air.StationService;
import cn.anhuan.air.StationView;
import cn.anhuan.audit.AuditTrail;
import cn.anhuan.enterprise.EnterpriseService;
import cn.anhuan.enterprise.EnterpriseView;
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
 * Devices (数采仪) and the emission limits of the outlets they measure. A device belongs to an enterprise outlet
 * or to an air station and carries that owner's scope columns, so lists and readings follow the data scope.
 * Passwords are stored as SHA-256 (the receiver compares every packet's PW).
 */
@Service
@Transactional(readOnly = true)
public class DeviceService {

    static final String MANAGERS = "hasAnyRole('SYSTEM_ADMIN', 'CITY_SUPERVISOR', 'COUNTY_SUPERVISOR')";

    private final JdbcClient jdbc;
    private final EnterpriseService enterprises;
    private final StationService stations;
    private final AuditTrail audit;
    private final DeviceRegistry registry;
    private final Clock clock;

    DeviceService(JdbcClient jdbc, EnterpriseService enterprises, StationService stations, AuditTrail audit,
                  DeviceRegistry registry, Clock clock) {
        this.jdbc = jdbc;
        this.enterprises = enterprises;
        this.stations = stations;
        this.audit = audit;
        this.registry = registry;
        this.clock = clock;
    }

    /** Devices in scope, optionally of one enterprise; at most {@code limit}, by id after {@code afterId}. */
    public List<DeviceView> list(String creditCode, Long afterId, int limit) {
        return ScopeSql.bind(jdbc.sql("select * from monitoring.device where " + ScopeSql.enterprise("") + """
                  and (cast(:code as text) is null or credit_code = :code)
                  and (cast(:after as bigint) is null or id > :after)
                order by id limit :limit""")).param("code", creditCode).param("after", afterId)
                .param("limit", Math.min(Math.max(limit, 1), 1000)).query(DeviceService::map).list();
    }

    public DeviceView get(long id) {
        return ScopeSql.bind(jdbc.sql("select * from monitoring.device where id = :id and " + ScopeSql.enterprise("")))
                .param("id", id).query(DeviceService::map).optional()
                .orElseThrow(() -> new NotFoundException("device", id));
    }

    public DeviceView byMn(String mn) {
        return ScopeSql.bind(jdbc.sql("select * from monitoring.device where mn = :mn and " + ScopeSql.enterprise("")))
                .param("mn", mn).query(DeviceService::map).optional()
                .orElseThrow(() -> new NotFoundException("device", mn));
    }

    @Transactional
    @PreAuthorize(MANAGERS)
    public DeviceView register(DeviceCommand c) {
        if (c.password() == null || c.password().isBlank()) {
            throw new BusinessRuleException("password", "monitoring.password.required");
        }
        if (jdbc.sql("select count(*) from monitoring.device where mn = :mn").param("mn", c.mn())
                .query(Long.class).single() > 0) {
            throw new BusinessRuleException("mn", "monitoring.mn.taken", c.mn());
        }
        Owner o = owner(c);
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        long id = jdbc.sql("""
                insert into monitoring.device (mn, password_hash, system_type, protocol, name, enterprise_id, credit_code,
                    outlet_code, station_id, region_code, zone_code, industry_code, expected_interval_s, tolerant_crc,
                    max_segment, enabled, created_at, updated_at)
                values (:mn, :pw, :st, :protocol, :name, :eid, :code, :outlet, :sid, :region, :zone, :industry,
                    :interval, :tolerant, :max, :enabled, :now, :now) returning id""")
                .param("mn", c.mn()).param("pw", hash(c.password())).param("st", c.systemType())
                .param("protocol", c.protocol() == null ? "AUTO" : c.protocol()).param("name", c.name().trim())
                .param("eid", o.enterpriseId).param("code", o.creditCode).param("outlet", trimToNull(c.outletCode()))
                .param("sid", o.stationId).param("region", o.regionCode).param("zone", o.zoneCode)
                .param("industry", o.industryCode)
                .param("interval", c.expectedIntervalSeconds() == null ? 60 : c.expectedIntervalSeconds())
                .param("tolerant", Boolean.TRUE.equals(c.tolerantCrc()))
                .param("max", c.maxSegment() == null ? 1024 : c.maxSegment())
                .param("enabled", c.enabled() == null || c.enabled()).param("now", now).query(Long.class).single();
        DeviceView created = get(id);
        audit.record("monitoring.device.registered", "device", id, created.regionCode(), null, fields(created));
        registry.invalidate(c.mn());
        return created;
    }

    @Transactional
    @PreAuthorize(MANAGERS)
    public DeviceView update(long id, DeviceCommand c) {
        DeviceView before = get(id);
        if (!before.mn().equals(c.mn())) {
            throw new BusinessRuleException("mn", "monitoring.mn.fixed");
        }
        Owner o = owner(c);
        int n = jdbc.sql("""
                update monitoring.device set password_hash = coalesce(:pw, password_hash), system_type = :st,
                    protocol = :protocol, name = :name, enterprise_id = :eid, credit_code = :code, outlet_code = :outlet,
                    station_id = :sid, region_code = :region, zone_code = :zone, industry_code = :industry,
                    expected_interval_s = :interval, tolerant_crc = :tolerant, max_segment = :max, enabled = :enabled,
                    updated_at = :now, version = version + 1
                where id = :id and version = :version""")
                .param("pw", c.password() == null || c.password().isBlank() ? null : hash(c.password()))
                .param("st", c.systemType()).param("protocol", c.protocol() == null ? before.protocol() : c.protocol())
                .param("name", c.name().trim()).param("eid", o.enterpriseId).param("code", o.creditCode)
                .param("outlet", trimToNull(c.outletCode())).param("sid", o.stationId).param("region", o.regionCode)
                .param("zone", o.zoneCode).param("industry", o.industryCode)
                .param("interval", c.expectedIntervalSeconds() == null ? before.expectedIntervalSeconds()
                        : c.expectedIntervalSeconds())
                .param("tolerant", c.tolerantCrc() == null ? before.tolerantCrc() : c.tolerantCrc())
                .param("max", c.maxSegment() == null ? before.maxSegment() : c.maxSegment())
                .param("enabled", c.enabled() == null ? before.enabled() : c.enabled())
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).param("id", id)
                .param("version", Versions.required(c.version())).update();
        if (n == 0) {
            throw ConflictException.staleVersion("device", id);
        }
        DeviceView after = get(id);
        Map<String, Object> old = fields(before);
        Map<String, Object> now = fields(after);
        if (c.password() != null && !c.password().isBlank()) {
            now.put("password", "changed");
        }
        audit.record("monitoring.device.updated", "device", id, after.regionCode(), old, now);
        registry.invalidate(c.mn());
        return after;
    }

    public List<EmissionLimit> limits(long deviceId) {
        get(deviceId);
        return jdbc.sql("""
                select pollutant, limit_value, converted, data_cn, sustained from monitoring.emission_limit
                where device_id = :id order by pollutant""").param("id", deviceId)
                .query((rs, n) -> new EmissionLimit(rs.getString(1), rs.getBigDecimal(2), rs.getBoolean(3),
                        Integer.toString(rs.getInt(4)), rs.getInt(5))).list();
    }

    @Transactional
    @PreAuthorize(MANAGERS)
    public List<EmissionLimit> setLimit(long deviceId, EmissionLimit limit) {
        DeviceView d = get(deviceId);
        if (d.enterpriseId() == null) {
            throw new BusinessRuleException("pollutant", "monitoring.limit.stationDevice");
        }
        Map<String, Object> old = jdbc.sql("""
                select limit_value::text as limit, converted, data_cn, sustained from monitoring.emission_limit
                where device_id = :id and pollutant = :p""").param("id", deviceId).param("p", limit.pollutant())
                .query().listOfRows().stream().findFirst().orElse(null);
        jdbc.sql("""
                insert into monitoring.emission_limit (device_id, pollutant, limit_value, converted, data_cn, sustained)
                values (:id, :p, :limit, :converted, :cn, :sustained)
                on conflict (device_id, pollutant) do update set limit_value = excluded.limit_value,
                    converted = excluded.converted, data_cn = excluded.data_cn, sustained = excluded.sustained""")
                .param("id", deviceId).param("p", limit.pollutant()).param("limit", limit.limit())
                .param("converted", limit.converted()).param("cn", Short.parseShort(limit.dataCn()))
                .param("sustained", limit.sustained()).update();
        Map<String, Object> now = new LinkedHashMap<>();
        now.put("pollutant", limit.pollutant());
        now.put("limit", limit.limit().toPlainString());
        now.put("converted", limit.converted());
        now.put("dataCn", limit.dataCn());
        now.put("sustained", limit.sustained());
        audit.record("monitoring.limit.set", "device", deviceId, d.regionCode(),
                old == null ? null : new LinkedHashMap<>(old), now);
        registry.invalidateLimits();
        return limits(deviceId);
    }

    @Transactional
    @PreAuthorize(MANAGERS)
    public List<EmissionLimit> removeLimit(long deviceId, String pollutant) {
        DeviceView d = get(deviceId);
        int n = jdbc.sql("delete from monitoring.emission_limit where device_id = :id and pollutant = :p")
                .param("id", deviceId).param("p", pollutant).update();
        if (n == 0) {
            throw new NotFoundException("limit", pollutant);
        }
        audit.record("monitoring.limit.removed", "device", deviceId, d.regionCode(), Map.of("pollutant", pollutant), null);
        registry.invalidateLimits();
        return limits(deviceId);
    }

    private Owner owner(DeviceCommand c) {
        boolean enterprise = c.creditCode() != null && !c.creditCode().isBlank();
        boolean station = c.stationCode() != null && !c.stationCode().isBlank();
        if (enterprise == station) {
            throw new BusinessRuleException("creditCode", "monitoring.owner.one");
        }
        if (station) {
            StationView s = stations.visible(c.stationCode().trim()).orElseThrow(() -> new BusinessRuleException(
                    "stationCode", "reference.outOfScope", "stationCode", c.stationCode().trim()));
            return new Owner(null, null, s.id(), s.regionCode(), null, null);
        }
        EnterpriseView e = enterprises.byCreditCode(c.creditCode())
                .orElseThrow(() -> new BusinessRuleException("creditCode", "monitoring.enterprise.unknown",
                        c.creditCode()));
        return new Owner(e.id(), e.creditCode(), null, e.regionCode(), e.zoneCode(), e.industryCode());
    }

    private record Owner(Long enterpriseId, String creditCode, Long stationId, String regionCode, String zoneCode,
                         String industryCode) {
    }

    static String hash(String password) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> fields(DeviceView d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mn", d.mn());
        m.put("systemType", d.systemType());
        m.put("protocol", d.protocol());
        m.put("name", d.name());
        m.put("creditCode", d.creditCode());
        m.put("outletCode", d.outletCode());
        m.put("stationId", d.stationId());
        m.put("regionCode", d.regionCode());
        m.put("expectedIntervalSeconds", d.expectedIntervalSeconds());
        m.put("tolerantCrc", d.tolerantCrc());
        m.put("maxSegment", d.maxSegment());
        m.put("enabled", d.enabled());
        return m;
    }

    static DeviceView map(ResultSet rs, int n) throws SQLException {
        OffsetDateTime seen = rs.getObject("last_seen", OffsetDateTime.class);
        return new DeviceView(rs.getLong("id"), rs.getString("mn"), rs.getString("system_type"),
                rs.getString("protocol"), rs.getString("name"), (Long) rs.getObject("enterprise_id"),
                rs.getString("credit_code"), rs.getString("outlet_code"), (Long) rs.getObject("station_id"),
                rs.getString("region_code"), rs.getString("zone_code"), rs.getString("industry_code"),
                rs.getInt("expected_interval_s"), rs.getBoolean("tolerant_crc"), rs.getInt("max_segment"),
                rs.getBoolean("enabled"), seen == null ? null : seen.toInstant(),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getInt("version"));
    }
}
