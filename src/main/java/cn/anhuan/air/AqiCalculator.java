package cn.anhuan.air;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AQI engine of HJ 633-2012 and HJ 633-2026, exact: integer arithmetic on millionths (or {@link BigDecimal}
 * for longer decimals), the 2026 half-even pre-rounding, IAQI and AQI rounded up, the special rules above the
 * table, ties, non-attainment and the missing-data rules. Breakpoints are data ({@code air/hj633-breakpoints.csv}).
 * Thread-safe and allocation-light: it is the hot path of every station-hour.
 */
public final class AqiCalculator {

    /** How 2012 real-time reports treat PM: the standard's 24-h sliding means, or 1-h values on the 24-h table. */
    public enum RealtimePm2012 {
        SLIDING_24H, ONE_HOUR
    }

    private static final Logger log = LoggerFactory.getLogger(AqiCalculator.class);
    private static final int[] IAQI_POINTS = {0, 50, 100, 150, 200, 300, 400, 500};
    private static final long UNDEFINED = -1;
    private static final int NONE = -1;
    private static final int ABOVE = -2;
    private static final Indicator[] INDICATORS = Indicator.values();
    /** Far above every table, and small enough that millionths times 500 fit a long. */
    private static final BigDecimal LARGEST_EXACT = BigDecimal.valueOf(1_000_000_000L);

    /** [standard][indicator] → breakpoints in millionths, UNDEFINED where the table has none. */
    private final long[][][] breakpoints;
    private final RealtimePm2012 realtimePm2012;

    /** [standard][report] → the indicators that report needs (computed once; never handed out). */
    private final Set<Indicator>[][] needed;

    @SuppressWarnings("unchecked")
    private AqiCalculator(long[][][] breakpoints, RealtimePm2012 realtimePm2012) {
        this.breakpoints = breakpoints;
        this.realtimePm2012 = realtimePm2012;
        this.needed = new Set[AqiStandard.values().length][AqiReport.values().length];
        for (AqiStandard s : AqiStandard.values()) {
            for (AqiReport r : AqiReport.values()) {
                needed[s.ordinal()][r.ordinal()] = indicators(s, r);
            }
        }
    }

    /** The engine on the standards' own tables. */
    public static AqiCalculator standard(RealtimePm2012 realtimePm2012) {
        try (InputStream in = AqiCalculator.class.getResourceAsStream("/air/hj633-breakpoints.csv")) {
            return new AqiCalculator(load(in), realtimePm2012);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the HJ 633 breakpoints", e);
        }
    }

    public static AqiCalculator standard() {
        return standard(RealtimePm2012.SLIDING_24H);
    }

    /** The indicators a report needs under a standard, with this engine's 2012 real-time PM setting. */
    public Set<Indicator> indicators(AqiStandard standard, AqiReport report) {
        Set<Indicator> set = standard.indicators(report);
        if (standard == AqiStandard.HJ633_2012 && report == AqiReport.HOURLY
                && realtimePm2012 == RealtimePm2012.ONE_HOUR) {
            set.remove(Indicator.PM10_24H);
            set.remove(Indicator.PM2_5_24H);
            set.add(Indicator.PM10_1H);
            set.add(Indicator.PM2_5_1H);
        }
        return set;
    }

    public AqiResult compute(AqiStandard standard, AqiReport report, Concentrations c) {
        int[] iaqi = new int[INDICATORS.length];
        java.util.Arrays.fill(iaqi, NONE);
        List<Indicator> missing = new ArrayList<>(2);
        Set<Indicator> needed = this.needed[standard.ordinal()][report.ordinal()];
        boolean is2026 = standard == AqiStandard.HJ633_2026;
        for (Indicator indicator : needed) {
            int i = indicator.ordinal();
            if (!c.has(indicator)) {
                missing.add(indicator);
                continue;
            }
            int value = iaqi(standard, indicator, c);
            if (value == ABOVE) {
                value = aboveTable(standard, indicator, c, needed, missing, iaqi);
            }
            iaqi[i] = value;
        }
        int max = NONE;
        for (int v : iaqi) {
            max = Math.max(max, v);
        }
        Integer aqi;
        if (max == NONE) {
            aqi = null;
        } else if (!missing.isEmpty() && is2026) {
            aqi = max > 100 ? max : null;
        } else {
            aqi = is2026 && max == 0 ? 1 : max;
        }
        List<Indicator> primary = new ArrayList<>(1);
        List<Indicator> nonAttainment = new ArrayList<>(1);
        Map<Indicator, Integer> map = new EnumMap<>(Indicator.class);
        for (Indicator indicator : INDICATORS) {
            int v = iaqi[indicator.ordinal()];
            if (v == NONE) {
                continue;
            }
            map.put(indicator, v);
            if (aqi != null && aqi > 50 && v == aqi) {
                primary.add(indicator);
            }
            if (v > 100) {
                nonAttainment.add(indicator);
            }
        }
        return new AqiResult(standard, report, aqi, aqi == null ? null : AqiLevel.of(aqi), primary, nonAttainment,
                missing, map);
    }

    /** The IAQI of one indicator, or ABOVE when the concentration exceeds the top of its row. */
    int iaqi(AqiStandard standard, Indicator indicator, Concentrations c) {
        int i = indicator.ordinal();
        long[] bp = breakpoints[standard.ordinal()][i];
        BigDecimal exact = c.exact(i);
        long m;
        if (exact == null) {
            m = c.micros(i);
            if (standard == AqiStandard.HJ633_2026) {
                m = roundHalfEven(m, indicator.decimals());
            }
        } else if (standard == AqiStandard.HJ633_2026) {
            BigDecimal rounded = exact.setScale(indicator.decimals(), RoundingMode.HALF_EVEN);
            if (rounded.compareTo(LARGEST_EXACT) > 0) {
                return ABOVE;
            }
            m = rounded.movePointRight(6).longValueExact();
        } else {
            return iaqiExact(bp, exact);
        }
        for (int j = 1; j < bp.length; j++) {
            if (bp[j] == UNDEFINED) {
                return ABOVE;
            }
            if (m <= bp[j]) {
                long span = IAQI_POINTS[j] - IAQI_POINTS[j - 1];
                return IAQI_POINTS[j - 1] + (int) ceilDiv(span * (m - bp[j - 1]), bp[j] - bp[j - 1]);
            }
        }
        return ABOVE;
    }

    private static int iaqiExact(long[] bp, BigDecimal c) {
        for (int j = 1; j < bp.length; j++) {
            if (bp[j] == UNDEFINED) {
                return ABOVE;
            }
            BigDecimal hi = BigDecimal.valueOf(bp[j], 6);
            if (c.compareTo(hi) <= 0) {
                BigDecimal lo = BigDecimal.valueOf(bp[j - 1], 6);
                BigDecimal num = BigDecimal.valueOf(IAQI_POINTS[j] - IAQI_POINTS[j - 1]).multiply(c.subtract(lo));
                return IAQI_POINTS[j - 1] + num.divide(hi.subtract(lo), 0, RoundingMode.CEILING).intValueExact();
            }
        }
        return ABOVE;
    }

    /**
     * Above the top of a row: SO2 1-h above 800 (2026: IAQI 200; 2012: not computed, the SO2 24-h IAQI is used)
     * and O3 8-h above 800 (2026: 300; 2012: not computed, the O3 1-h IAQI is used); any other row is capped at
     * 500 and logged (the standard does not say; configured policy).
     */
    private int aboveTable(AqiStandard standard, Indicator indicator, Concentrations c, Set<Indicator> needed,
                           List<Indicator> missing, int[] iaqi) {
        boolean is2026 = standard == AqiStandard.HJ633_2026;
        if (indicator == Indicator.SO2_1H) {
            if (is2026) {
                return 200;
            }
            substitute(standard, Indicator.SO2_24H, c, needed, missing, iaqi);
            return NONE;
        }
        if (indicator == Indicator.O3_8H) {
            if (is2026) {
                return 300;
            }
            substitute(standard, Indicator.O3_1H, c, needed, missing, iaqi);
            return NONE;
        }
        log.info("{} of {} is above the top of the {} table; IAQI capped at 500", c.get(indicator), indicator,
                standard.code());
        return 500;
    }

    /** Uses another indicator's IAQI in place of one the 2012 text says is not computed. */
    private void substitute(AqiStandard standard, Indicator replacement, Concentrations c, Set<Indicator> needed,
                            List<Indicator> missing, int[] iaqi) {
        if (needed.contains(replacement)) {
            return;
        }
        if (!c.has(replacement)) {
            missing.add(replacement);
            return;
        }
        int value = iaqi(standard, replacement, c);
        iaqi[replacement.ordinal()] = value == ABOVE ? 500 : value;
    }

    /** GB/T 8170 half-even rounding of a value in millionths to {@code decimals} places. */
    static long roundHalfEven(long micros, int decimals) {
        long unit = decimals == 0 ? Concentrations.MICRO : Concentrations.MICRO / 10;
        long q = micros / unit;
        long r = micros % unit;
        long half = unit / 2;
        if (r > half || (r == half && (q & 1) == 1)) {
            q++;
        }
        return q * unit;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    private static long[][][] load(InputStream in) throws IOException {
        long[][][] tables = new long[AqiStandard.values().length][INDICATORS.length][];
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("standard,")) {
                    continue;
                }
                String[] f = line.split(",");
                AqiStandard standard = AqiStandard.ofCode(f[0]);
                long[] row = new long[IAQI_POINTS.length];
                for (int k = 0; k < row.length; k++) {
                    row[k] = "-".equals(f[k + 2]) ? UNDEFINED
                            : new BigDecimal(f[k + 2]).movePointRight(6).longValueExact();
                }
                for (Indicator indicator : INDICATORS) {
                    if (indicator.row().equals(f[1])) {
                        tables[standard.ordinal()][indicator.ordinal()] = row;
                    }
                }
            }
        }
        for (long[][] table : tables) {
            for (int i = 0; i < table.length; i++) {
                if (table[i] == null) {
                    throw new IllegalStateException("No breakpoints for " + INDICATORS[i]);
                }
            }
        }
        return tables;
    }
}
