package cn.anhuan.hazard;

import static cn.anhuan.shared.Texts.trimToNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.anhuan.organization.RegionService;
import cn.anhuan.shared.InvalidInputException;
import cn.anhuan.shared.InvalidInputException.FieldProblem;
import cn.anhuan.shared.ScopeSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The hazard list (pages, API, export): one page of the filtered list in the caller's scope, newest first, before
 * a given id (keyset).
 * <p>The SQL holds only the conditions in use, so that each combination gets its own plan (a catch-all statement
 * with {@code :x is null or …} gets one generic plan that suits none of them).
 * <p>Values from a closed set (status, level, source), today's date and the page size are written into the SQL as
 * literals, never the caller's text: a value outside the set is refused (400 naming the parameter). The planner
 * then knows them (exact
 * statistics for skewed values such as CLOSED) and PostgreSQL keeps one generic plan per prepared statement; with
 * them as parameters it planned afresh on every call (its generic estimates for {@code limit $n} and
 * {@code deadline < $d} looked worse than a custom plan), and planning took 0.3 ms where executing took 0.13 ms. The
 * remaining parameters (scope, county, industry, enterprise, dates, keyset) estimate well.
 * <p>A single statement, so no transaction and no proxy of its own: it joins the caller's transaction if there is
 * one (the export's), else runs in auto-commit.
 */
@Component
public class HazardList {

    /** The columns a {@link HazardView} is made of, in the order {@link #map} reads them. */
    static final String COLUMNS = "id, enterprise_id, credit_code, region_code, industry_code, place, description, "
            + "category, level, basis, source, found_by, found_at, status, responsible_person, measures, deadline, "
            + "funds, contingency_plan, rectification_note, rejections, closed_at, closed_by, version";
    /** The status filter's value for every hazard not yet closed (未销号). */
    public static final String OPEN = "OPEN";
    static final Set<String> STATUSES = java.util.stream.Stream.concat(Arrays.stream(HazardStatus.values())
            .map(Enum::name), java.util.stream.Stream.of(OPEN)).collect(Collectors.toUnmodifiableSet());
    static final Set<String> LEVELS = Set.of("GENERAL", "MAJOR");
    static final Set<String> SOURCES = Set.of("SELF", "GOVERNMENT", "CROSS", "CITIZEN", "THIRD_PARTY");
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final RegionService regions;
    private final Clock clock;

    HazardList(JdbcClient jdbc, RegionService regions, Clock clock) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.clock = clock;
    }

    public List<HazardView> search(HazardFilter f, Long beforeId, int limit) {
        Map<String, Object> p = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(clock);
        StringBuilder sql = new StringBuilder("select ").append(COLUMNS).append(" from hazard.hazard where")
                .append(where(f, p, today));
        if (beforeId != null) {
            sql.append(" and id < :before");
            p.put("before", beforeId);
        }
        sql.append(" order by id desc limit ").append(limit);
        return ScopeSql.bind(jdbc.sql(sql.toString()).params(p)).query((rs, n) -> map(rs, today)).list();
    }

    /** How many hazards the list with this filter holds in the caller's scope (all pages): the same conditions. */
    public long count(HazardFilter f) {
        Map<String, Object> p = new LinkedHashMap<>();
        return ScopeSql.bind(jdbc.sql("select count(*) from hazard.hazard where" + where(f, p, LocalDate.now(clock)))
                .params(p)).query(Long.class).single();
    }

    /**
     * {@link #count} of this filter narrowed to each region, in one pass: by county ({@code region_code}) and by
     * development zone ({@code zone_code}), as the filter's region reads them. Regions without hazards are absent.
     */
    public Map<String, Long> countByRegion(HazardFilter f) {
        Map<String, Object> p = new LinkedHashMap<>();
        String where = where(f, p, LocalDate.now(clock));
        Map<String, Long> counts = new java.util.HashMap<>();
        ScopeSql.bind(jdbc.sql("select region_code, count(*) from hazard.hazard where" + where + " group by region_code"
                        + " union all select zone_code, count(*) from hazard.hazard where" + where
                        + " and zone_code is not null group by zone_code").params(p))
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> counts.merge(rs.getString(1),
                        rs.getLong(2), Long::sum));
        return counts;
    }

    /** The scope and the filter's conditions, each only when in use; parameters go into {@code p}. */
    private String where(HazardFilter f, Map<String, Object> p, LocalDate today) {
        StringBuilder sql = new StringBuilder(ScopeSql.enterprise(""));
        String region = trimToNull(f.regionCode());
        if (region != null) {
            sql.append(" and ").append(ScopeSql.region(regions.isZone(region)));
            p.put("region", region);
        }
        String status = trimToNull(f.status());
        if (OPEN.equals(status)) {
            sql.append(" and status <> 'CLOSED'");
        } else {
            literal(sql, "status", status, STATUSES);
        }
        literal(sql, "level", trimToNull(f.level()), LEVELS);
        literal(sql, "source", trimToNull(f.source()), SOURCES);
        String industry = trimToNull(f.industryCode());
        if (industry != null) {
            sql.append(" and industry_code = :industry");
            p.put("industry", industry);
        }
        if (f.enterpriseId() != null) {
            sql.append(" and enterprise_id = :enterprise");
            p.put("enterprise", f.enterpriseId());
        }
        if (Boolean.TRUE.equals(f.overdue())) {
            sql.append(" and status in ('ASSIGNED', 'SUBMITTED') and deadline < date '").append(today).append('\'');
        }
        if (f.foundFrom() != null) {
            sql.append(" and found_at >= :foundFrom");
            p.put("foundFrom", f.foundFrom().atStartOfDay(CHINA).toOffsetDateTime());
        }
        if (f.foundTo() != null) {
            sql.append(" and found_at < :foundTo");
            p.put("foundTo", f.foundTo().plusDays(1).atStartOfDay(CHINA).toOffsetDateTime());
        }
        return sql.toString();
    }

    /** {@code column = 'value'} for a value of the closed set; any other value is refused, naming the parameter. */
    private static void literal(StringBuilder sql, String column, String value, Set<String> allowed) {
        if (value == null) {
            return;
        }
        if (!allowed.contains(value)) {
            throw new InvalidInputException(List.of(new FieldProblem(column, "error.filter.value", column, value,
                    String.join(", ", new java.util.TreeSet<>(allowed)))));
        }
        sql.append(" and ").append(column).append(" = '").append(value).append('\'');
    }

    /**
     * A row selected with {@link #COLUMNS}, read by position (reading by name built a map of the column labels,
     * upper and lower case, for every result set). No timeline and no open extension: the detail adds them.
     */
    static HazardView map(ResultSet rs, LocalDate today) throws SQLException {
        HazardStatus status = HazardStatus.valueOf(rs.getString(14));
        LocalDate deadline = rs.getObject(17, LocalDate.class);
        OffsetDateTime closed = rs.getObject(22, OffsetDateTime.class);
        return new HazardView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12), rs.getObject(13, OffsetDateTime.class).toInstant(), status,
                rs.getString(15), rs.getString(16), deadline, rs.getBigDecimal(18), rs.getString(19),
                rs.getString(20), rs.getInt(21), closed == null ? null : closed.toInstant(), rs.getString(23),
                deadline != null && status != HazardStatus.CLOSED && status != HazardStatus.REPORTED
                        && deadline.isBefore(today),
                rs.getInt(24), List.of(), null);
    }
}
