package cn.anhuan.shared;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The data-scope predicate for tables that carry an enterprise's scope columns ({@code region_code},
 * {@code zone_code}, {@code industry_code}, {@code credit_code}), and the binding of its parameters from
 * {@link DataScope#current()}. Every module that stores enterprise-owned records uses this one rule.
 */
public final class ScopeSql {

    private ScopeSql() {
    }

    /**
     * The predicate over columns prefixed with a table alias (e.g. {@code "e."}) or none ({@code ""}), written for
     * the current user's scope: only the conditions that restrict it, a single county as an equality (so that an
     * index on {@code region_code} orders the rows), zones against {@code zone_code} only. Parenthesised.
     */
    public static String enterprise(String alias) {
        DataScope s = DataScope.current();
        List<String> parts = new ArrayList<>();
        if (!s.unrestricted()) {
            List<String> places = new ArrayList<>();
            int counties = s.countyCodes().size();
            if (counties == 1) {
                places.add(alias + "region_code = :scopeRegion");
            } else if (counties > 1) {
                places.add(alias + "region_code = any(string_to_array(:scopeRegions, ','))");
            }
            if (!s.zoneCodes().isEmpty()) {
                places.add(alias + "zone_code = any(string_to_array(:scopeZones, ','))");
            }
            parts.add(places.isEmpty() ? "false" : places.size() == 1 ? places.get(0)
                    : "(" + String.join(" or ", places) + ")");
        }
        if (!s.allIndustries()) {
            parts.add(alias + "industry_code = any(string_to_array(:scopeIndustries, ','))");
        }
        if (s.enterpriseCode() != null) {
            parts.add(alias + "credit_code = :scopeEnterprise");
        }
        return " (" + (parts.isEmpty() ? "true" : String.join(" and ", parts)) + ") ";
    }

    /**
     * A list's filter on one region, parameter {@code :region}: a development zone's code stands only in
     * {@code zone_code} and a county's only in {@code region_code}, so the filter reads the one column (and its
     * index) that the region's kind uses.
     */
    public static String region(boolean zone) {
        return zone ? "zone_code = :region" : "region_code = :region";
    }

    /** Binds the predicate's parameters to the current user's scope (parameters the predicate lacks are ignored). */
    public static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
        DataScope s = DataScope.current();
        List<String> counties = s.countyCodes();
        return spec.param("scopeRegion", counties.size() == 1 ? counties.get(0) : null)
                .param("scopeRegions", String.join(",", counties))
                .param("scopeZones", String.join(",", new java.util.TreeSet<>(s.zoneCodes())))
                .param("scopeIndustries", s.industryList())
                .param("scopeEnterprise", s.enterpriseCode());
    }
}
