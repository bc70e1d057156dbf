package cn.anhuan.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import cn.anhuan.audit.AuditTrail;
import cn.anhuan.shared.BusinessRuleException;
import cn.anhuan.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens ({@code Authorization: Bearer ah_…}). Only a SHA-256 of the secret is stored; a user
 * manages its own tokens, an administrator may list and revoke anyone's. A presented secret is checked by
 * {@link TokenAuthentication}.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "ah_";
    private static final int MAX_ACTIVE_PER_USER = 20;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The expiry a token has in effect: its own, but never later than the maximum lifetime allows. */
    static final String EXPIRES = "least(t.expires_at, t.created_at + make_interval(secs => :maxLifetime))";
    private static final String SELECT = """
            select t.id, t.user_id, u.username, t.name, t.prefix, t.created_at, %s as expires_at, t.last_used_at,
                   t.revoked_at
            from identity.api_token t join identity.app_user u on u.id = t.user_id
            """.formatted(EXPIRES);

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    private final TokenCache tokenCache;
    private final Duration maxLifetime;

    ApiTokens(JdbcClient jdbc, AuditTrail audit, Clock clock, TokenCache tokenCache, SecurityProperties properties) {
        this.tokenCache = tokenCache;
        this.maxLifetime = properties.tokenMaxLifetime();
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The longest validity a token may be given, in days. */
    public long maxValidDays() {
        return maxLifetime.toDays();
    }

    /** The caller's own tokens, newest first. */
    @Transactional(readOnly = true)
    public List<ApiTokenView> mine() {
        return jdbc.sql(SELECT + "where t.user_id = :u order by t.id desc").param("u", me().id())
                .param("maxLifetime", maxLifetime.toSeconds())
                .query(ApiTokens::map).list();
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Transactional(readOnly = true)
    public List<ApiTokenView> all() {
        return jdbc.sql(SELECT + "order by t.id desc limit 1000")
                .param("maxLifetime", maxLifetime.toSeconds()).query(ApiTokens::map).list();
    }

    /**
     * Creates a token for the caller, valid for {@code validDays} days (1 to the maximum lifetime's days), or for
     * the maximum lifetime ({@code anhuan.security.token-max-lifetime}) if null.
     */
    @Transactional
    public IssuedToken create(String name, Integer validDays) {
        AnhuanUser me = me();
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new BusinessRuleException("name", "token.name.invalid");
        }
        if (validDays != null && (validDays < 1 || validDays > maxLifetime.toDays())) {
            throw new BusinessRuleException("validDays", "token.validDays.invalid", maxLifetime.toDays());
        }
        long active = jdbc.sql("""
                select count(*) from identity.api_token
                where user_id = :u and revoked_at is null and %s > now()""".formatted(EXPIRES.replace("t.", "")))
                .param("u", me.id()).param("maxLifetime", maxLifetime.toSeconds()).query(Long.class).single();
        if (active >= MAX_ACTIVE_PER_USER) {
            throw new BusinessRuleException("name", "token.tooMany", MAX_ACTIVE_PER_USER);
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant();
        Instant expires = validDays == null ? now.plus(maxLifetime) : now.plus(Duration.ofDays(validDays));
        long id = jdbc.sql("""
                insert into identity.api_token (user_id, name, token_hash, prefix, created_at, expires_at)
                values (:u, :name, :hash, :prefix, :now, :expires) returning id""")
                .param("u", me.id()).param("name", name.trim()).param("hash", sha256(secret))
                .param("prefix", secret.substring(0, 8)).param("now", utc(now)).param("expires", utc(expires))
                .query(Long.class).single();
        audit.record("token.created", "api-token", id, me.regionCode(), null,
                Map.of("name", name.trim(), "user", me.username(), "expiresAt", String.valueOf(expires)));
        return new IssuedToken(get(id), secret);
    }

    /** Revokes one of the caller's tokens, or any token for an administrator; another's token answers 404. */
    @Transactional
    public void revoke(long id) {
        AnhuanUser me = me();
        ApiTokenView token = get(id);
        if (token.userId() != me.id() && me.role() != Role.SYSTEM_ADMIN) {
            throw new NotFoundException("api-token", id);
        }
        if (token.revokedAt() == null) {
            jdbc.sql("update identity.api_token set revoked_at = :now where id = :id")
                    .param("now", utc(clock.instant())).param("id", id).update();
            tokenCache.forgetAll();
            audit.record("token.revoked", "api-token", id, null, Map.of("revokedAt", "null"),
                    Map.of("revokedAt", clock.instant().toString()));
        }
    }

    private ApiTokenView get(long id) {
        return jdbc.sql(SELECT + "where t.id = :id").param("id", id)
                .param("maxLifetime", maxLifetime.toSeconds()).query(ApiTokens::map).optional()
                .orElseThrow(() -> new NotFoundException("api-token", id));
    }

    private static AnhuanUser me() {
        return CurrentUser.current().orElseThrow(() -> new NotFoundException("user", "current"));
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static OffsetDateTime utc(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static ApiTokenView map(ResultSet rs, int n) throws SQLException {
        return new ApiTokenView(rs.getLong("id"), rs.getLong("user_id"), rs.getString("username"),
                rs.getString("name"), rs.getString("prefix"), instant(rs, "created_at"), instant(rs, "expires_at"),
                instant(rs, "last_used_at"), instant(rs, "revoked_at"));
    }
}
