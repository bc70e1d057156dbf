package cn.anhuan.air;

/**
 * A pollutant with its averaging period, as the AQI engine's input keys name them. {@code row} is the
 * breakpoint row it is evaluated on: under HJ 633-2026 the 1-hour PM values use the 24-hour rows.
 */
public enum Indicator {
    SO2_24H("SO2", "24h", "SO2_24H", 0),
    SO2_1H("SO2", "1h", "SO2_1H", 0),
    NO2_24H("NO2", "24h", "NO2_24H", 0),
    NO2_1H("NO2", "1h", "NO2_1H", 0),
    CO_24H("CO", "24h", "CO_24H", 1),
    CO_1H("CO", "1h", "CO_1H", 1),
    O3_1H("O3", "1h", "O3_1H", 0),
    O3_8H("O3", "8h", "O3_8H", 0),
    PM10_24H("PM10", "24h", "PM10_24H", 0),
    PM10_1H("PM10", "1h", "PM10_24H", 0),
    PM2_5_24H("PM2.5", "24h", "PM2_5_24H", 0),
    PM2_5_1H("PM2.5", "1h", "PM2_5_24H", 0);

    private final String pollutant;
    private final String period;
    private final String row;
    private final int decimals;

    Indicator(String pollutant, String period, String row, int decimals) {
        this.pollutant = pollutant;
        this.period = period;
        this.row = row;
        this.decimals = decimals;
    }

    public String pollutant() {
        return pollutant;
    }

    public String period() {
        return period;
    }

    /** The breakpoint row this indicator is evaluated on. */
    String row() {
        return row;
    }

    /** Decimals kept by the 2026 pre-rounding (GB/T 8170 half-even): 1 for CO (mg/m³), else 0 (µg/m³). */
    public int decimals() {
        return decimals;
    }

    /** The unit of the concentration. */
    public String unit() {
        return "CO".equals(pollutant) ? "mg/m³" : "µg/m³";
    }
}
