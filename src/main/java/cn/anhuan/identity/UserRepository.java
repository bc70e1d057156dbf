package cn.anhuan.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import cn.anhuan.shared.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code identity.app_user}; list queries apply the caller's scope. */
@Repository
class UserRepository {

    private static final String SELECT = """
            select id, username, display_name, password_hash, role, region_code, department_id, enterprise_code,
                   enabled, failed_attempts, locked_until, created_at, version, password_change_required
            from identity.app_user
            """;

    private final JdbcClient jdbc;

    private final TokenCache tokenCache;

    UserRepository(JdbcClient jdbc, TokenCache tokenCache) {
        this.tokenCache = tokenCache;
        this.jdbc = jdbc;
    }

    Optional<UserRow> findByUsername(String username) {
        return jdbc.sql(SELECT + "where username = :u").param("u", username).query(UserRepository::map).optional();
    }

    Optional<UserRow> findById(long id) {
        return jdbc.sql(SELECT + "where id = :id").param("id", id).query(UserRepository::map).optional();
    }

    List<UserRow> search(DataScope scope, String text, Role role, String regionCode, int limit) {
        return jdbc.sql(SELECT + """
                where (:all or region_code = any(string_to_array(:regions, ',')))
                  and (cast(:q as text) is null or username like '%' || :q || '%' or display_name like '%' || :q || '%')
                  and (cast(:role as text) is null or role = :role)
                  and (cast(:region as text) is null or region_code = :region)
                order by region_code, role, username
                limit :limit""")
                .param("all", scope.unrestricted()).param("regions", scope.regionList())
                .param("q", text == null || text.isBlank() ? null : text.trim().toLowerCase())
                .param("role", role == null ? null : role.name())
                .param("region", regionCode == null || regionCode.isBlank() ? null : regionCode)
                .param("limit", limit)
                .query(UserRepository::map).list();
    }

    long count(DataScope scope) {
        return jdbc.sql("""
                select count(*) from identity.app_user
                where enabled and (:all or region_code = any(string_to_array(:regions, ',')))""")
                .param("all", scope.unrestricted()).param("regions", scope.regionList())
                .query(Long.class).single();
    }

    java.util.Map<String, Long> countByRegion(DataScope scope) {
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        jdbc.sql("""
                select region_code, count(*) from identity.app_user
                where enabled and (:all or region_code = any(string_to_array(:regions, ',')))
                group by region_code""")
                .param("all", scope.unrestricted()).param("regions", scope.regionList())
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> counts.put(rs.getString(1), rs.getLong(2)));
        return counts;
    }

    long insert(UserRow u) {
        return jdbc.sql("""
                insert into identity.app_user (username, display_name, password_hash, role, region_code,
                                               department_id, enterprise_code)
                values (:username, :displayName, :hash, :role, :region, :dept, :enterprise)
                returning id""")
                .param("username", u.username()).param("displayName", u.displayName())
                .param("hash", u.passwordHash()).param("role", u.role().name()).param("region", u.regionCode())
                .param("dept", u.departmentId()).param("enterprise", u.enterpriseCode())
                .query(Long.class).single();
    }

    /** Writes every changeable field if the version still matches; returns false when someone else won. */
    boolean update(UserRow u, int expectedVersion) {
        tokenCache.forgetAll();
        return jdbc.sql("""
                update identity.app_user set display_name = :displayName, password_hash = :hash, role = :role,
                       region_code = :region, department_id = :dept, enterprise_code = :enterprise,
                       enabled = :enabled, failed_attempts = :failed, locked_until = :locked,
                       password_change_required = :changeRequired, version = version + 1
                where id = :id and version = :version""")
                .param("displayName", u.displayName()).param("hash", u.passwordHash()).param("role", u.role().name())
                .param("region", u.regionCode()).param("dept", u.departmentId())
                .param("enterprise", u.enterpriseCode()).param("enabled", u.enabled())
                .param("failed", u.failedAttempts()).param("locked", toOffset(u.lockedUntil()))
                .param("changeRequired", u.passwordChangeRequired())
                .param("id", u.id()).param("version", expectedVersion)
                .update() == 1;
    }

    boolean isEmpty() {
        return jdbc.sql("select count(*) from identity.app_user").query(Long.class).single() == 0;
    }

    private static OffsetDateTime toOffset(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    static UserRow map(ResultSet rs, int n) throws SQLException {
        OffsetDateTime locked = rs.getObject("locked_until", OffsetDateTime.class);
        return new UserRow(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("password_hash"), Role.valueOf(rs.getString("role")), rs.getString("region_code"),
                rs.getObject("department_id", Long.class), rs.getString("enterprise_code"), rs.getBoolean("enabled"),
                rs.getInt("failed_attempts"), locked == null ? null : locked.toInstant(),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getInt("version"),
                rs.getBoolean("password_change_required"));
    }
}
