package cn.anhuan.air;

import java.time.Instant;
import java.util.List;

/**
 * A heavy-pollution warning was issued, raised, lowered or lifted (published in the transaction of the change).
 * {@code level} is the level now in force, or for a lifted warning the level that was; {@code lines} are the
 * emergency reduction list's lines at that level, whose enterprises must start, change or may stop their measures.
 */
public record WarningChanged(long warningId, Action action, WarningLevel level, WarningLevel previousLevel,
                             String documentNo, Instant startsAt, Instant endsAt, List<ReductionItem> lines) {

    /** What happened to the warning. */
    public enum Action {
        ISSUED, RAISED, LOWERED, LIFTED
    }
}
