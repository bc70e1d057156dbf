package cn.anhuan.air;

import java.time.Instant;
import java.util.List;

/** A heavy-pollution warning with its history of level changes. */
public record WarningView(long id, String scheme, WarningLevel level, String status, String documentNo, String reason,
                          Instant startsAt, Instant endsAt, Instant issuedAt, String issuedBy, Instant liftedAt,
                          String forecast, int version, List<Change> changes) {

    /**
     * One step: issued, raised, lowered or lifted, with the reason; {@code reasonKey} is the message key of a reason
     * the platform gave itself (a warning lifted when its end passed), null for a person's reason.
     */
    public record Change(String action, WarningLevel fromLevel, WarningLevel toLevel, String reason, String reasonKey,
                         Instant at, String by) {
    }
}
