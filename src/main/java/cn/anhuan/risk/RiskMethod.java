package cn.anhuan.risk;

import java.math.BigDecimal;
import java.util.Set;

/**
 * The assessment methods. LEC: D = L × E × C with the standard's value sets; LS: R = L × S on a 5 × 5 matrix.
 */
public enum RiskMethod {
    LEC, LS;

    static final Set<String> LEC_L = Set.of("10", "6", "3", "1", "0.5", "0.2", "0.1");
    static final Set<String> LEC_E = Set.of("10", "6", "3", "2", "1", "0.5");
    static final Set<String> LEC_C = Set.of("100", "40", "15", "7", "3", "1");
    static final Set<String> LS_VALUES = Set.of("1", "2", "3", "4", "5");

    static boolean allowed(Set<String> values, BigDecimal v) {
        return v != null && values.contains(v.stripTrailingZeros().toPlainString());
    }
}
