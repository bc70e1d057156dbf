package cn.anhuan.air;

import java.math.BigDecimal;
import java.util.List;

/**
 * The reduction list of one level against the required ratio: per pollutant the listed total (t/d), the city's
 * total emissions, the achieved percentage and whether it reaches the requirement.
 */
public record ReductionCheck(WarningLevel level, int requiredPercent, int enterprises, List<Line> lines,
                             boolean passes) {

    /** One pollutant: SO2, NOX, PM or VOCS. */
    public record Line(String pollutant, BigDecimal reduction, BigDecimal baseline, BigDecimal percent,
                       boolean passes) {
    }
}
