package cn.anhuan.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks the secret of a personal API token ({@link ApiTokens}) on every API call. A plain component, apart from
 * the transactional {@link ApiTokens}: called through that class's proxy, the check went through an interceptor
 * (and a reflective call) on every request, which cost more than the cached lookup; the query and the last-use
 * update are single statements and need no transaction.
 */
@Component
class TokenAuthentication {

    /** Last use is written at most this often per token, so that reading the API does not write on every call. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final ScopeResolver scopes;
    private final Clock clock;
    private final TokenCache tokenCache;
    private final Duration maxLifetime;

    TokenAuthentication(JdbcClient jdbc, ScopeResolver scopes, Clock clock, TokenCache tokenCache,
                        SecurityProperties properties) {
        this.maxLifetime = properties.tokenMaxLifetime();
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.clock = clock;
        this.tokenCache = tokenCache;
    }

    /**
     * The user a presented secret belongs to, if the token is valid and its user enabled. A token found valid is
     * reused for {@link TokenCache#REUSE} (forgotten at once when a token is revoked or an account changes);
     * otherwise one query (token and user together) and the user's scope computed afresh.
     */
    Optional<AnhuanUser> authenticate(String secret) {
        if (secret == null || !secret.startsWith(ApiTokens.PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String hash = ApiTokens.sha256(secret);
        Optional<AnhuanUser> recent = tokenCache.get(hash, now);
        if (recent.isPresent()) {
            return recent;
        }
        record Hit(UserRow user, OffsetDateTime lastUsed, OffsetDateTime expires) {
        }
        Optional<Hit> hit = jdbc.sql("""
                select t.last_used_at as token_last_used_at, %s as token_expires_at, u.*
                from identity.api_token t join identity.app_user u on u.id = t.user_id
                where t.token_hash = :hash and t.revoked_at is null and %s > :now""".formatted(ApiTokens.EXPIRES, ApiTokens.EXPIRES))
                .param("now", ApiTokens.utc(now)).param("hash", hash).param("maxLifetime", maxLifetime.toSeconds())
                .query((rs, n) -> new Hit(UserRepository.map(rs, n),
                        rs.getObject("token_last_used_at", OffsetDateTime.class),
                        rs.getObject("token_expires_at", OffsetDateTime.class)))
                .optional();
        hit.filter(h -> h.lastUsed() == null || h.lastUsed().toInstant().isBefore(now.minus(LAST_USED_RESOLUTION)))
                .ifPresent(h -> jdbc.sql("update identity.api_token set last_used_at = :now where token_hash = :hash")
                        .param("now", ApiTokens.utc(now)).param("hash", hash).update());
        Optional<AnhuanUser> user = hit.filter(h -> h.user().enabled())
                .map(h -> scopes.principal(h.user()).withoutPassword());
        user.ifPresent(u -> tokenCache.put(hash, u, now,
                hit.get().expires() == null ? null : hit.get().expires().toInstant()));
        return user;
    }
}
