package cn.anhuan.air;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * The measured concentrations of one station-hour or station-day, kept exactly: as millionths in a {@code long}
 * where the value has at most six decimals (always, for real data), otherwise as the {@link BigDecimal} itself.
 * A binary double never appears.
 */
public final class Concentrations {

    static final long MICRO = 1_000_000L;
    private static final int N = Indicator.values().length;

    private final long[] micros = new long[N];
    private final BigDecimal[] exact = new BigDecimal[N];
    private int present;

    public static Concentrations of(Map<Indicator, BigDecimal> values) {
        Concentrations c = new Concentrations();
        values.forEach(c::set);
        return c;
    }

    /** Sets a concentration (µg/m³; CO mg/m³). Negative values are refused: the caller treats them as invalid. */
    public Concentrations set(Indicator indicator, BigDecimal value) {
        if (value == null) {
            return this;
        }
        if (value.signum() < 0) {
            throw new IllegalArgumentException(indicator + " is negative");
        }
        int i = indicator.ordinal();
        BigDecimal scaled = value.movePointRight(6);
        if (scaled.scale() <= 0 || scaled.stripTrailingZeros().scale() <= 0) {
            try {
                micros[i] = scaled.longValueExact();
                exact[i] = null;
                present |= 1 << i;
                return this;
            } catch (ArithmeticException tooLarge) {
                // falls through to the exact decimal
            }
        }
        exact[i] = value;
        present |= 1 << i;
        return this;
    }

    /** Sets a concentration given in millionths of the unit (fast path for stored data and benchmarks). */
    public Concentrations setMicros(Indicator indicator, long millionths) {
        if (millionths < 0) {
            throw new IllegalArgumentException(indicator + " is negative");
        }
        micros[indicator.ordinal()] = millionths;
        exact[indicator.ordinal()] = null;
        present |= 1 << indicator.ordinal();
        return this;
    }

    public boolean has(Indicator indicator) {
        return (present & (1 << indicator.ordinal())) != 0;
    }

    long micros(int ordinal) {
        return micros[ordinal];
    }

    /** The exact value when it does not fit the millionths form, else null. */
    BigDecimal exact(int ordinal) {
        return exact[ordinal];
    }

    public BigDecimal get(Indicator indicator) {
        if (!has(indicator)) {
            return null;
        }
        BigDecimal e = exact[indicator.ordinal()];
        return e != null ? e : BigDecimal.valueOf(micros[indicator.ordinal()], 6).stripTrailingZeros();
    }

    public Map<Indicator, BigDecimal> asMap() {
        Map<Indicator, BigDecimal> m = new EnumMap<>(Indicator.class);
        for (Indicator i : Indicator.values()) {
            if (has(i)) {
                m.put(i, get(i));
            }
        }
        return m;
    }
}
