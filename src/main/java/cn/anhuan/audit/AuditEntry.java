package cn.anhuan.audit;

import java.time.Instant;

/** One entry of the audit trail, as stored. Old and new values are JSON objects with sorted keys. */
public record AuditEntry(long id, Instant at, String actor, String actorIp, String action, String entityType,
                         String entityId, String regionCode, String oldValue, String newValue,
                         String prevHash, String hash) {
}
