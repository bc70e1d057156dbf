package cn.anhuan.audit;

import java.time.Instant;

/** One entry of the audit trail, as stored. Old and new values are JSON objects with sorted keys. */
public record AuditEntry(long id, Instant at, String actor, String actorIp, String action, String entityType,
                         String entityId, String regionCode, String oldValue, String newValue,
                         String prevHash, String hash) {

    /** The same entry as if it followed {@code prevHash}: for re-computing the chain from its start. */
    AuditEntry following(String prevHash) {
        return new AuditEntry(id, at, actor, actorIp, action, entityType, entityId, regionCode, oldValue, newValue,
                prevHash, null);
    }
}
