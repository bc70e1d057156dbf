package cn.anhuan.shared;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The data-scope predicate for tables that carry an enterprise's scope columns ({@code region_code},
 * {@code zone_code}, {@code industry_code}, {@code credit_code}), and the binding of its parameters from
 * {@link DataScope#current()}. Every module that stores enterprise-owned records uses this one rule.
 */
public final class ScopeSql {

    private ScopeSql() {
    }

    /** The predicate over columns prefixed with a table alias (e.g. {@code "e."}) or none ({@code ""}). */
    public static String enterprise(String alias) {
        return """
                (:all or %1$sregion_code = any(string_to_array(:regions, ','))
                      or %1$szone_code = any(string_to_array(:regions, ',')))
                and (:allIndustries or %1$sindustry_code = any(string_to_array(:industries, ',')))
                and (cast(:ent as text) is null or %1$scredit_code = :ent)
                """.formatted(alias);
    }

    /** Binds the predicate's parameters to the current user's scope. */
    public static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
        DataScope s = DataScope.current();
        return spec.param("all", s.unrestricted()).param("regions", s.regionList())
                .param("allIndustries", s.allIndustries()).param("industries", s.industryList())
                .param("ent", s.enterpriseCode());
    }
}
