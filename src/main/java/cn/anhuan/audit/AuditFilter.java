package cn.anhuan.audit;

import java.time.LocalDate;

/** Filters of the audit log viewer; every field is optional. {@code beforeId} pages by keyset. */
public record AuditFilter(String actor, String action, String entityType, String entityId,
                          LocalDate from, LocalDate to, Long beforeId) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null, null);
    }
}
