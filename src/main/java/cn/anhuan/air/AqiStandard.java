package cn.anhuan.air;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/** The two versions of HJ 633, chosen by the date of the data (never by the time of computation). */
public enum AqiStandard {
    HJ633_2012("HJ633-2012"),
    HJ633_2026("HJ633-2026");

    /** The first day whose data are evaluated by HJ 633-2026. */
    public static final LocalDate HJ633_2026_FROM = LocalDate.of(2026, 3, 1);

    private final String code;

    AqiStandard(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static AqiStandard forDate(LocalDate date) {
        return date.isBefore(HJ633_2026_FROM) ? HJ633_2012 : HJ633_2026;
    }

    public static AqiStandard ofCode(String code) {
        for (AqiStandard s : values()) {
            if (s.code.equalsIgnoreCase(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException(code);
    }

    /**
     * The indicators of a report. 2012 daily: 7 (with O3 1-h); 2012 real-time: 1-h gases, O3 8-h and the
     * 24-h sliding PM means; 2026 daily: 6; 2026 real-time: all six pollutants' 1-h means.
     */
    public Set<Indicator> indicators(AqiReport report) {
        if (this == HJ633_2012) {
            return report == AqiReport.DAILY
                    ? EnumSet.of(Indicator.SO2_24H, Indicator.NO2_24H, Indicator.CO_24H, Indicator.PM10_24H,
                            Indicator.PM2_5_24H, Indicator.O3_1H, Indicator.O3_8H)
                    : EnumSet.of(Indicator.SO2_1H, Indicator.NO2_1H, Indicator.CO_1H, Indicator.O3_1H,
                            Indicator.O3_8H, Indicator.PM10_24H, Indicator.PM2_5_24H);
        }
        return report == AqiReport.DAILY
                ? EnumSet.of(Indicator.SO2_24H, Indicator.NO2_24H, Indicator.CO_24H, Indicator.PM10_24H,
                        Indicator.PM2_5_24H, Indicator.O3_8H)
                : EnumSet.of(Indicator.SO2_1H, Indicator.NO2_1H, Indicator.CO_1H, Indicator.O3_1H,
                        Indicator.PM10_1H, Indicator.PM2_5_1H);
    }
}
