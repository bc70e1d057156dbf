package cn.anhuan.air;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.anhuan.audit.AuditTrail;
import cn.anhuan.organization.RegionService;
import cn.anhuan.shared.BusinessRuleException;
import cn.anhuan.shared.DataScope;
import cn.anhuan.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Air-quality stations; reads limited to the caller's regions, registration by city-level staff. */
@Service
@Transactional(readOnly = true)
public class StationService {

    static final String SELECT = "select id, code, name, name_en, kind, region_code, latitude, longitude, active, version"
            + " from air.station ";

    private final JdbcClient jdbc;
    private final RegionService regions;
    private final AuditTrail audit;

    StationService(JdbcClient jdbc, RegionService regions, AuditTrail audit) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.audit = audit;
    }

    public List<StationView> visible() {
        DataScope scope = DataScope.current();
        return jdbc.sql(SELECT + "where (:all or region_code = any(string_to_array(:regions, ','))) order by region_code, code")
                .param("all", scope.unrestricted()).param("regions", scope.regionList())
                .query(StationService::map).list();
    }

    public StationView get(String code) {
        return visible(code).orElseThrow(() -> new NotFoundException("station", code));
    }

    /** The station, if the caller's scope holds its region. */
    public Optional<StationView> visible(String code) {
        return find(code).filter(s -> DataScope.current().seesRegion(s.regionCode()));
    }

    /** Every station, without scope: for open data and the public page (station data is public). */
    public List<StationView> all() {
        return jdbc.sql(SELECT + "where active order by region_code, code").query(StationService::map).list();
    }

    Optional<StationView> find(String code) {
        return jdbc.sql(SELECT + "where code = :code").param("code", code).query(StationService::map).optional();
    }

    @Transactional
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'CITY_SUPERVISOR')")
    public StationView create(StationCommand c) {
        if (regions.find(c.regionCode()).isEmpty()) {
            throw new BusinessRuleException("regionCode", "region.unknown", c.regionCode());
        }
        if (find(c.code()).isPresent()) {
            throw new BusinessRuleException("code", "air.station.taken", c.code());
        }
        jdbc.sql("""
                insert into air.station (code, name, name_en, kind, region_code, latitude, longitude)
                values (:code, :name, :nameEn, :kind, :region, :lat, :lon)""")
                .param("code", c.code()).param("name", c.name()).param("nameEn", c.nameEn()).param("kind", c.kind())
                .param("region", c.regionCode()).param("lat", c.latitude()).param("lon", c.longitude()).update();
        StationView created = find(c.code()).orElseThrow();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", created.code());
        fields.put("name", created.name());
        fields.put("kind", created.kind());
        fields.put("regionCode", created.regionCode());
        fields.put("latitude", String.valueOf(created.latitude()));
        fields.put("longitude", String.valueOf(created.longitude()));
        audit.record("station.created", "station", created.code(), created.regionCode(), null, fields);
        return created;
    }

    static StationView map(ResultSet rs, int n) throws SQLException {
        return new StationView(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("name_en"),
                rs.getString("kind"), rs.getString("region_code"), rs.getBigDecimal("latitude"),
                rs.getBigDecimal("longitude"), rs.getBoolean("active"), rs.getInt("version"));
    }
}
