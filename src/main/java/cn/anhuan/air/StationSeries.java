package cn.anhuan.air;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * One station's consecutive hours, with the derived values of GB 3095-2012 and HJ 633: the O3 8-hour sliding
 * mean (at least 6 valid hours of 8), the PM 24-hour sliding means (at least 20 of 24), the real-time AQI, and
 * daily values (24-hour means need 20 valid hours; the daily maximum 8-hour O3 needs 14 valid 8-hour means of
 * the windows starting 00:00 to 16:00; the daily maximum 1-hour O3 needs 20 valid hours).
 */
final class StationSeries {

    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    static final int MIN_HOURS_DAILY = 20;
    static final int MIN_HOURS_8H = 6;
    static final int MIN_WINDOWS_8H = 14;

    final long stationId;
    final Instant start;
    /** [hour index][measured ordinal]; null = missing. */
    final BigDecimal[][] raw;

    StationSeries(long stationId, Instant start, int hours) {
        this.stationId = stationId;
        this.start = start;
        this.raw = new BigDecimal[hours][];
    }

    int index(Instant hour) {
        return (int) Duration.between(start, hour).toHours();
    }

    Instant hour(int index) {
        return start.plus(Duration.ofHours(index));
    }

    /** Mean of one pollutant over hours [from, to] if at least {@code min} are valid; else null. */
    BigDecimal mean(int measured, int from, int to, int min) {
        BigDecimal sum = BigDecimal.ZERO;
        int n = 0;
        for (int i = Math.max(0, from); i <= to && i < raw.length; i++) {
            if (raw[i] != null && raw[i][measured] != null) {
                sum = sum.add(raw[i][measured]);
                n++;
            }
        }
        return n >= min ? sum.divide(BigDecimal.valueOf(n), 3, RoundingMode.HALF_EVEN) : null;
    }

    /** The derived values of hour {@code i}: O3 8-h, PM10 24-h, PM2.5 24-h sliding means. */
    BigDecimal[] sliding(int i) {
        return new BigDecimal[] {
                mean(Measured.O3.ordinal(), i - 7, i, MIN_HOURS_8H),
                mean(Measured.PM10.ordinal(), i - 23, i, MIN_HOURS_DAILY),
                mean(Measured.PM25.ordinal(), i - 23, i, MIN_HOURS_DAILY)};
    }

    /** The real-time AQI of hour {@code i}, by the standard in force on that hour's date. */
    AqiResult realtime(AqiCalculator engine, int i, BigDecimal[] sliding) {
        Concentrations c = new Concentrations();
        BigDecimal[] v = raw[i];
        for (Measured m : Measured.ALL) {
            if (v[m.ordinal()] != null) {
                c.set(m.hourly, v[m.ordinal()]);
            }
        }
        c.set(Indicator.O3_8H, sliding[0]).set(Indicator.PM10_24H, sliding[1]).set(Indicator.PM2_5_24H, sliding[2]);
        LocalDate date = hour(i).atZone(CITY).toLocalDate();
        return engine.compute(AqiStandard.forDate(date), AqiReport.HOURLY, c);
    }

    /** Daily values of a city day fully inside this series. */
    Daily daily(AqiCalculator engine, LocalDate day) {
        int first = index(day.atStartOfDay(CITY).toInstant());
        int last = first + 23;
        int validHours = 0;
        for (int i = Math.max(first, 0); i <= last && i < raw.length; i++) {
            if (raw[i] != null) {
                validHours++;
            }
        }
        BigDecimal[] means = new BigDecimal[Measured.ALL.length];
        for (Measured m : Measured.ALL) {
            means[m.ordinal()] = mean(m.ordinal(), first, last, MIN_HOURS_DAILY);
        }
        BigDecimal o3Max1h = null;
        int o3Hours = 0;
        for (int i = Math.max(first, 0); i <= last && i < raw.length; i++) {
            BigDecimal o3 = raw[i] == null ? null : raw[i][Measured.O3.ordinal()];
            if (o3 != null) {
                o3Hours++;
                o3Max1h = o3Max1h == null || o3.compareTo(o3Max1h) > 0 ? o3 : o3Max1h;
            }
        }
        if (o3Hours < MIN_HOURS_DAILY) {
            o3Max1h = null;
        }
        BigDecimal o3Max8h = null;
        int windows = 0;
        for (int s = first; s <= first + 16; s++) {
            BigDecimal w = mean(Measured.O3.ordinal(), s, s + 7, MIN_HOURS_8H);
            if (w != null) {
                windows++;
                o3Max8h = o3Max8h == null || w.compareTo(o3Max8h) > 0 ? w : o3Max8h;
            }
        }
        if (windows < MIN_WINDOWS_8H) {
            o3Max8h = null;
        }
        Concentrations c = new Concentrations();
        for (Measured m : Measured.ALL) {
            if (m.daily != null) {
                c.set(m.daily, means[m.ordinal()]);
            }
        }
        c.set(Indicator.O3_1H, o3Max1h).set(Indicator.O3_8H, o3Max8h);
        AqiResult aqi = engine.compute(AqiStandard.forDate(day), AqiReport.DAILY, c);
        return new Daily(stationId, day, means, o3Max1h, o3Max8h, validHours, aqi);
    }

    /** The city days that the hours [from, to] touch. */
    List<LocalDate> days(int from, int to) {
        List<LocalDate> days = new ArrayList<>();
        LocalDate d = hour(Math.max(from, 0)).atZone(CITY).toLocalDate();
        LocalDate end = hour(Math.min(to, raw.length - 1)).atZone(CITY).toLocalDate();
        for (; !d.isAfter(end); d = d.plusDays(1)) {
            days.add(d);
        }
        return days;
    }

    static Instant dayStart(LocalDate day) {
        return ZonedDateTime.of(day.atStartOfDay(), CITY).toInstant();
    }

    /** One station-day. */
    record Daily(long stationId, LocalDate day, BigDecimal[] means, BigDecimal o3Max1h, BigDecimal o3Max8h,
                 int validHours, AqiResult aqi) {
    }
}
