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
import java.util.Optional;

import cn.anhuan.audit.AuditTrail;
import cn.anhuan.shared.BusinessRuleException;
import cn.anhuan.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens ({@code Authorization: Bearer ah_…}). Only a SHA-256 of the secret is stored; a user
 * manages its own tokens, an administrator may list and revoke anyone's.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "ah_";
    private static final int MAX_ACTIVE_PER_USER = 20;
    /** Last use is written at most this often per token, so that reading the API does not write on every call. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SELECT = """
            select t.id, t.user_id, u.username, t.name, t.prefix, t.created_at, t.expires_at, t.last_used_at,
                   t.revoked_at
            from identity.api_token t join identity.app_user u on u.id = t.user_id
            """;

    private final JdbcClient jdbc;
    private final UserRepository users;
    private final ScopeResolver scopes;
    private final AuditTrail audit;
    private final Clock clock;

    private final TokenCache tokenCache;

    ApiTokens(JdbcClient jdbc, UserRepository users, ScopeResolver scopes, AuditTrail audit, Clock clock,
              TokenCache tokenCache) {
        this.tokenCache = tokenCache;
        this.jdbc = jdbc;
        this.users = users;
        this.scopes = scopes;
        this.audit = audit;
        this.clock = clock;
    }

    /** The caller's own tokens, newest first. */
    @Transactional(readOnly = true)
    public List<ApiTokenView> mine() {
        return jdbc.sql(SELECT + "where t.user_id = :u order by t.id desc").param("u", me().id())
                .query(ApiTokens::map).list();
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Transactional(readOnly = true)
    public List<ApiTokenView> all() {
        return jdbc.sql(SELECT + "order by t.id desc limit 1000").query(ApiTokens::map).list();
    }

    /** Creates a token for the caller, valid for {@code validDays} days (1 to 366), or without expiry if null. */
    @Transactional
    public IssuedToken create(String name, Integer validDays) {
        AnhuanUser me = me();
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new BusinessRuleException("name", "token.name.invalid");
        }
        if (validDays != null && (validDays < 1 || validDays > 366)) {
            throw new BusinessRuleException("validDays", "token.validDays.invalid");
        }
        long active = jdbc.sql("""
                select count(*) from identity.api_token
                where user_id = :u and revoked_at is null and (expires_at is null or expires_at > now())""")
                .param("u", me.id()).query(Long.class).single();
        if (active >= MAX_ACTIVE_PER_USER) {
            throw new BusinessRuleException("name", "token.tooMany", MAX_ACTIVE_PER_USER);
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant();
        Instant expires = validDays == null ? null : now.plus(Duration.ofDays(validDays));
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

    /**
     * The user a presented secret belongs to, if the token is valid and its user enabled. A token found valid is
     * reused for {@link TokenCache#REUSE} (forgotten at once when a token is revoked or an account changes);
     * otherwise one query (token and user together) and the user's scope computed afresh. No transaction and no
     * advice (so no interceptor on every API call, which cost more than the lookup): the query and the last-use
     * update are single statements.
     */
    Optional<AnhuanUser> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String hash = sha256(secret);
        Optional<AnhuanUser> recent = tokenCache.get(hash, now);
        if (recent.isPresent()) {
            return recent;
        }
        record Hit(UserRow user, OffsetDateTime lastUsed, OffsetDateTime expires) {
        }
        Optional<Hit> hit = jdbc.sql("""
                select t.last_used_at as token_last_used_at, t.expires_at as token_expires_at, u.*
                from identity.api_token t join identity.app_user u on u.id = t.user_id
                where t.token_hash = :hash and t.revoked_at is null and (t.expires_at is null or t.expires_at > :now)""")
                .param("now", utc(now)).param("hash", hash)
                .query((rs, n) -> new Hit(UserRepository.map(rs, n),
                        rs.getObject("token_last_used_at", OffsetDateTime.class),
                        rs.getObject("token_expires_at", OffsetDateTime.class)))
                .optional();
        hit.filter(h -> h.lastUsed() == null || h.lastUsed().toInstant().isBefore(now.minus(LAST_USED_RESOLUTION)))
                .ifPresent(h -> jdbc.sql("update identity.api_token set last_used_at = :now where token_hash = :hash")
                        .param("now", utc(now)).param("hash", hash).update());
        Optional<AnhuanUser> user = hit.filter(h -> h.user().enabled())
                .map(h -> scopes.principal(h.user()).withoutPassword());
        user.ifPresent(u -> tokenCache.put(hash, u, now,
                hit.get().expires() == null ? null : hit.get().expires().toInstant()));
        return user;
    }

    private ApiTokenView get(long id) {
        return jdbc.sql(SELECT + "where t.id = :id").param("id", id).query(ApiTokens::map).optional()
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

    private static OffsetDateTime utc(Instant i) {
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
