package cn.anhuan.air;

import java.time.LocalDate;
import java.util.List;

/**
 * What the forecast calls for: the level under the configured scheme and under the other one, whether the
 * active warning may be lifted, and the forecast it was computed from (today first).
 */
public record Proposal(String scheme, WarningLevel level, WarningLevel otherSchemeLevel, boolean liftingAllowed,
                       LocalDate from, List<Integer> forecast) {
}
