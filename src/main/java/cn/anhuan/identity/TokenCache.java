package cn.anhuan.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * API tokens recently found valid, by the hash of their secret, with their user: a client calling the API many
 * times a second costs one token lookup per {@link #REUSE} instead of one per request. Emptied whenever a token
 * is revoked or an account changes (also after the commit, so a request in between cannot put the old state
 * back). On several instances, a revocation made on another one applies here within {@link #REUSE}.
 */
@Component
class TokenCache {

    static final Duration REUSE = Duration.ofSeconds(10);
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(AnhuanUser user, Instant until) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    Optional<AnhuanUser> get(String hash, Instant now) {
        Entry e = entries.get(hash);
        return e != null && now.isBefore(e.until()) ? Optional.of(e.user()) : Optional.empty();
    }

    void put(String hash, AnhuanUser user, Instant now, Instant expiresAt) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        Instant until = now.plus(REUSE);
        entries.put(hash, new Entry(user, expiresAt != null && expiresAt.isBefore(until) ? expiresAt : until));
    }

    /** Forgets everything now and again after the current transaction commits. */
    void forgetAll() {
        entries.clear();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    entries.clear();
                }
            });
        }
    }
}
