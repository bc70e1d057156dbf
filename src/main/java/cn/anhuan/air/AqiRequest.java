package cn.anhuan.air;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * A calculation as users ask for it: the standard by name, else by the date of the data (else today), the
 * report, and concentrations by indicator key as received (strings or JSON numbers, kept exact).
 */
public record AqiRequest(String standard, String date, String report, Map<String, Object> concentrations) {

    /** The validated form of a request. */
    public record Valid(AqiStandard standard, LocalDate date, AqiReport report, Map<Indicator, BigDecimal> values) {
    }
}
