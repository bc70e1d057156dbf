package cn.anhuan.identity;

import java.time.Instant;

/** A personal API token as listed: never the secret, only its first characters. */
public record ApiTokenView(long id, long userId, String username, String name, String prefix, Instant createdAt,
                           Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {

    public boolean active(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
